package dev.rsx.workflow;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.SessionLock;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Serialises whole development-mode runs (snapshot, migrate, normalize, commit) on one schema with a MySQL session
 * lock: a second run waits instead of mistaking the first one's snapshot for the leftover of a crash. The server
 * releases the lock when the holder's connection dies, so a killed run never blocks the next.
 */
final class RunLock implements AutoCloseable {

    private final Connection connection;

    private RunLock(Connection connection) {
        this.connection = connection;
    }

    static RunLock acquire(ConnectionSettings database, Duration timeout, EngineLog log) {
        String name = "rsx.run." + database.database();
        Connection connection = DatabaseConnector.open(database);
        try {
            if (!SessionLock.acquire(connection, name, timeout, () -> log.info("Another rsx:migrate is running on "
                    + database.database() + "; waiting up to " + timeout.toSeconds() + " s for it to finish..."))) {
                throw new EnvironmentException("Gave up after " + timeout.toSeconds() + " s waiting for another"
                        + " rsx:migrate on " + database.database() + " to finish. Let it finish, or raise rsx.lockTimeout.");
            }
            return new RunLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new EnvironmentException("Cannot take the run lock on " + database.database() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Closing the connection releases the lock. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The lock dies with the session either way.
        }
    }
}
