package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.util.List;

/**
 * Plain SQL files run without Liquibase's executor, so the tracking table they leave must be the one Liquibase would
 * have left: the same definition and the same rows, which a Liquibase run on the same database reads as its own.
 */
class PlainChangeSetRunnerTest {

    private static final String USERS = """
            -- users and their e-mail addresses
            CREATE TABLE users (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                email VARCHAR(255) NOT NULL
            );
            INSERT INTO users (email) VALUES ('a@example.com');
            """;
    private static final String NAMES = """
            ALTER TABLE users ADD COLUMN name VARCHAR(100);
            UPDATE users SET name = 'who?' WHERE email LIKE '%@example.com';
            -- the name comes from the sign-up form later
            """;
    /** DATABASECHANGELOG as Liquibase 3.1 created it, before CONTEXTS, LABELS and DEPLOYMENT_ID. */
    private static final String LIQUIBASE_3_1_TABLE = "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL,"
            + " AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED datetime NOT NULL,"
            + " ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL,"
            + " `DESCRIPTION` VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL,"
            + " LIQUIBASE VARCHAR(20) NULL)";

    @OnEveryTarget
    void createsTheTrackingTableLiquibaseCreates(String target) {
        try (TestDb plain = TestDatabases.fresh(target); TestDb liquibase = TestDatabases.fresh(target)) {
            migrate(plain, MigrationsDir.create("plain-table").write("001_create_users_table.sql", USERS));
            migrate(liquibase, MigrationsDir.create("formatted-table").write("001_create_users_table.sql",
                    "--liquibase formatted sql\n\n--changeset rsx:001\n" + USERS));

            assertEquals(definition(liquibase), definition(plain));
        }
    }

    @OnEveryTarget
    void recordsTheRowsLiquibaseRecordsAndContinuesItsOrder(String target) {
        try (TestDb plain = TestDatabases.fresh(target); TestDb liquibase = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("plain-rows")
                    .write("001_create_users_table.sql", USERS)
                    .write("002_add_name_to_users.sql", NAMES);
            // Only Liquibase upgrades an older table, so this database's run goes through Liquibase's executor.
            liquibase.execute(LIQUIBASE_3_1_TABLE);

            migrate(plain, dir);
            migrate(liquibase, dir);

            assertEquals(List.of("1"), liquibase.column("SELECT COUNT(*) FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'DATABASECHANGELOG' AND COLUMN_NAME = 'DEPLOYMENT_ID'"),
                    "Liquibase upgraded the table and ran the migrations");
            assertEquals(rows(liquibase), rows(plain));
            assertEquals(List.of("001|rsx|001_create_users_table.sql|1|EXECUTED|sql|create_users_table|4.33.0",
                    "002|rsx|002_add_name_to_users.sql|2|EXECUTED|sql|add_name_to_users|4.33.0"),
                    plain.column("SELECT CONCAT_WS('|', ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, `DESCRIPTION`,"
                            + " COMMENTS, LIQUIBASE) FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"));
            assertEquals(List.of("1"), plain.column("SELECT COUNT(DISTINCT DEPLOYMENT_ID) FROM DATABASECHANGELOG"
                    + " WHERE DEPLOYMENT_ID REGEXP '^[0-9]{10}$' AND TAG IS NULL AND CONTEXTS IS NULL AND LABELS IS NULL"),
                    "one deployment id of ten digits for the run, no tag, contexts or labels");
            assertEquals(List.of("who?"), plain.column("SELECT name FROM users"));

            // The table is current now: the next file takes the plain path and continues Liquibase's order.
            migrate(liquibase, dir.write("003_add_city_to_users.sql", "ALTER TABLE users ADD COLUMN city VARCHAR(100);"));
            assertEquals(List.of("001:1", "002:2", "003:3"),
                    liquibase.column("SELECT CONCAT(ID, ':', ORDEREXECUTED) FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"));
        }
    }

    private static void migrate(TestDb db, MigrationsDir dir) {
        new MigrationEngine(new CapturingLog()).migrate(db.settings(), dir.load(), new MigrateOptions(null));
    }

    private static List<String> definition(TestDb db) {
        return db.column("SELECT CONCAT_WS(' ', COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, IFNULL(COLUMN_DEFAULT, 'none'))"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'DATABASECHANGELOG'"
                + " ORDER BY ORDINAL_POSITION");
    }

    /** Every column but the time and the deployment id, which differ between any two runs. */
    private static List<String> rows(TestDb db) {
        return db.column("SELECT CONCAT_WS('|', ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM, `DESCRIPTION`,"
                + " COMMENTS, IFNULL(TAG, 'null'), LIQUIBASE, IFNULL(CONTEXTS, 'null'), IFNULL(LABELS, 'null'))"
                + " FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
    }
}
