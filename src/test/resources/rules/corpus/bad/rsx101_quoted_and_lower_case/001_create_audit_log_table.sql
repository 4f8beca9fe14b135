create table `audit_log` (
    `ID` bigint not null,
    `message` varchar(255) not null,
    primary key (`ID`)
) engine=InnoDB;
