package dev.rsx.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EnvironmentException;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseConnectorTest {

    @OnEveryTarget
    void wrongPasswordSaysWhichSettingToFixAndNeverEchoesIt(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            String user = "rsx_pw_" + Math.floorMod(db.settings().database().hashCode(), 10000);
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-one'");
            try {
                ConnectionSettings wrong = new ConnectionSettings(db.settings().url(), user, "Wr0ngPassw0rd");

                EnvironmentException e = assertThrows(EnvironmentException.class, () -> DatabaseConnector.open(wrong));

                assertTrue(e.getMessage().startsWith("Access denied for user '" + user + "'"), e.getMessage());
                assertTrue(e.getMessage().contains("rsx.password"), e.getMessage());
                assertFalse(e.getMessage().contains("Wr0ngPassw0rd"), e.getMessage());
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    @OnEveryTarget
    void unknownDatabaseSaysHowToCreateIt(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            JdbcUrl missing = JdbcUrl.parse("jdbc:mysql://" + db.settings().url().hostAndPort() + "/no_such_db_rsx");

            EnvironmentException e = assertThrows(EnvironmentException.class, () -> DatabaseConnector.open(
                    new ConnectionSettings(missing, db.settings().username(), db.settings().password())));

            assertEquals("Unknown database 'no_such_db_rsx' on " + missing.hostAndPort() + ". Create it first (CREATE DATABASE"
                    + " `no_such_db_rsx` CHARACTER SET utf8mb4) or fix the database in rsx.url.", e.getMessage());
        }
    }

    /**
     * Without {@code useLocalSessionState} the driver asks the server whether the session is read-only before every
     * statement that is not a SELECT: a second round trip for each migration statement.
     */
    @OnEveryTarget
    void aStatementCostsOneRoundTrip(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target); Connection connection = DatabaseConnector.open(db.settings());
                Statement statement = connection.createStatement()) {
            long before = questions(statement);

            statement.execute("CREATE TABLE round_trips (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, note TEXT)");
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO round_trips (note) VALUES ('one')");
            connection.commit();
            connection.setAutoCommit(true);

            // The two statements, the commit, the two auto-commit switches and the second reading itself.
            assertEquals(6, questions(statement) - before);
        }
    }

    private static long questions(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            assertTrue(row.next());
            return row.getLong(2);
        }
    }

    @Test
    void unreachableServerSaysWhereItLooked() {
        ConnectionSettings settings = TestDatabases.unreachable();
        int closedPort = settings.url().port();

        EnvironmentException e = assertThrows(EnvironmentException.class, () -> DatabaseConnector.open(settings));

        assertTrue(e.getMessage().startsWith("Cannot reach the database server at 127.0.0.1:" + closedPort), e.getMessage());
        assertTrue(e.getMessage().contains("Is it running?"), e.getMessage());
    }

    @Test
    void theEmbeddedServerEnforcesGrantsAndListensOnLoopback() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded"); Connection connection = db.connect()) {
            assertEquals(List.of("root@localhost"), db.column("SELECT CURRENT_USER()"));
            assertEquals(List.of("127.0.0.1"), db.column("SELECT @@bind_address"));
            assertEquals(List.of("utf8mb4"), db.column("SELECT @@character_set_server"));
        }
    }
}
