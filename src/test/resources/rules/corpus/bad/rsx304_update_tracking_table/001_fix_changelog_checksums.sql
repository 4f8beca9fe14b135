UPDATE databasechangelog
    SET MD5SUM = NULL
    WHERE ID = '001';
