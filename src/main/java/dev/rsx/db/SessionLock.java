package dev.rsx.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A named MySQL session lock ({@code GET_LOCK}). The server releases it when the holder's connection ends, so a killed
 * run never leaves a stale lock behind, unlike a lock row in a table.
 */
public final class SessionLock {

    /** The longest name MySQL accepts; longer ones are cut. */
    private static final int MAX_NAME = 64;

    private SessionLock() {}

    /** {@code name} cut to the length the server accepts. */
    private static String name(String name) {
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /**
     * Takes the lock on {@code connection}'s session: at once when it is free, otherwise after {@code whenBusy} (which
     * tells the user why the run pauses) waiting up to {@code wait}. False when it was not free by then.
     */
    public static boolean acquire(Connection connection, String name, Duration wait, Runnable whenBusy)
            throws SQLException {
        if (acquire(connection, name, Duration.ZERO)) {
            return true;
        }
        whenBusy.run();
        return acquire(connection, name, wait);
    }

    private static boolean acquire(Connection connection, String name, Duration wait) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, name(name));
            statement.setLong(2, wait.toSeconds());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    public static void release(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name(name));
            statement.executeQuery().close();
        }
    }
}
