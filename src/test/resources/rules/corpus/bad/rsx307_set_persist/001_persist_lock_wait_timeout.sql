SET PERSIST innodb_lock_wait_timeout = 120;
