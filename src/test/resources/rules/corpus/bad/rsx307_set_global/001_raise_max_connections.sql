SET GLOBAL max_connections = 500;
