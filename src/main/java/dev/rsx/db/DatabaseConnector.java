package dev.rsx.db;

import com.mysql.cj.jdbc.Driver;
import dev.rsx.engine.EnvironmentException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens JDBC connections and turns the ways that can fail into one sentence the user can act on.
 */
public final class DatabaseConnector {

    private static final int ER_DBACCESS_DENIED = 1044;
    private static final int ER_ACCESS_DENIED = 1045;
    private static final int ER_BAD_DB = 1049;
    private static final Driver DRIVER = newDriver();

    private DatabaseConnector() {}

    public static Connection open(ConnectionSettings settings) {
        Connection early = EarlyConnection.take(settings);
        return early != null ? early : connect(settings);
    }

    /** A new connection, even when one was opened ahead. */
    static Connection connect(ConnectionSettings settings) {
        return open(settings, settings.url().url());
    }

    /** Connects to the server of {@code settings} without selecting a database, e.g. to create it. */
    public static Connection openServer(ConnectionSettings settings) {
        JdbcUrl url = settings.url();
        return open(settings, "jdbc:mysql://" + url.hostAndPort() + "/");
    }

    private static Connection open(ConnectionSettings settings, String url) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.username());
        properties.setProperty("password", settings.password());
        properties.setProperty("connectTimeout", "10000");
        // The driver otherwise asks the server whether the session is read-only before every statement that is not
        // a SELECT: one round trip per migration statement. The protocol's status flags already carry the state it
        // needs (auto-commit, open transaction), and the plugin never makes a session read-only.
        properties.setProperty("useLocalSessionState", "true");
        try {
            Connection connection = DRIVER.connect(url, properties);
            if (connection == null) {
                throw new EnvironmentException("The MySQL driver does not accept the URL " + JdbcUrl.mask(url) + ".");
            }
            return connection;
        } catch (SQLException e) {
            throw explain(settings, e);
        }
    }

    static EnvironmentException explain(ConnectionSettings settings, SQLException e) {
        JdbcUrl url = settings.url();
        String sqlState = e.getSQLState() == null ? "" : e.getSQLState();
        String message;
        if (e.getErrorCode() == ER_ACCESS_DENIED || sqlState.equals("28000")) {
            message = "Access denied for user '" + settings.username() + "' on " + url.hostAndPort()
                    + ": the user name or password is wrong. Check rsx.username / rsx.password (or the <server> named"
                    + " by rsx.serverId in settings.xml, or RSX_DB_USER / RSX_DB_PASSWORD).";
        } else if (e.getErrorCode() == ER_BAD_DB) {
            message = "Unknown database '" + url.database() + "' on " + url.hostAndPort() + ". Create it first"
                    + " (CREATE DATABASE `" + url.database() + "` CHARACTER SET utf8mb4) or fix the database in rsx.url.";
        } else if (e.getErrorCode() == ER_DBACCESS_DENIED) {
            message = "User '" + settings.username() + "' may not use database '" + url.database() + "' on "
                    + url.hostAndPort() + ". Grant it access or connect as another user.";
        } else if (sqlState.startsWith("08")) {
            message = "Cannot reach the database server at " + url.hostAndPort() + " (" + firstLine(e) + ")."
                    + " Is it running? Check rsx.url, or remove it to use the embedded MariaDB.";
        } else {
            message = "Cannot connect to " + url.masked() + ": " + firstLine(e);
        }
        return new EnvironmentException(message, e);
    }

    private static String firstLine(SQLException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Driver newDriver() {
        try {
            // Instantiated directly: DriverManager cannot see drivers that live in a Maven plugin's class realm.
            return new Driver();
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
