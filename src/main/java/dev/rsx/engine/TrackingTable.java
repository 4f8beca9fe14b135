package dev.rsx.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Liquibase's tracking table, read and written without Liquibase. Reading it is one query and creates nothing, so
 * {@code rsx:status} never changes the database it inspects. Writing it is what {@link PlainChangeSetRunner} needs: the
 * table as Liquibase 4.33 creates it and rows as Liquibase writes them, so Liquibase, and the formatted changelogs
 * it runs, read them as its own.
 */
public final class TrackingTable {

    /** Liquibase's default table name, kept so that existing Liquibase users find their history where it was. */
    public static final String NAME = "DATABASECHANGELOG";
    public static final String LOCK_NAME = "DATABASECHANGELOGLOCK";

    private static final int ER_NO_SUCH_TABLE = 1146;
    private static final int ER_BAD_FIELD = 1054;

    /** Every column, in the order of Liquibase's CREATE TABLE. */
    private static final String COLUMNS = "ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM,"
            + " `DESCRIPTION`, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID";

    /** Liquibase 4.33's DDL for MySQL and MariaDB, as its history service sends it. */
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + NAME + " (ID VARCHAR(255) NOT NULL,"
            + " AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED datetime NOT NULL,"
            + " ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL,"
            + " `DESCRIPTION` VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL,"
            + " LIQUIBASE VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL,"
            + " DEPLOYMENT_ID VARCHAR(10) NULL)";

    /**
     * A row as Liquibase records an executed changeset.
     *
     * @param deploymentId the same for every changeset of one run
     */
    record Row(String id, String author, String fileName, int order, String checksum, String description,
            String comments, String liquibaseVersion, String deploymentId) {}

    private TrackingTable() {}

    /** Every applied changeset in the order it ran; empty when the table does not exist yet. */
    public static List<AppliedMigration> read(Connection connection) throws SQLException {
        // Queried directly rather than looked up in information_schema first: that lookup reads the definition of
        // every table of the schema, which grows with the number of migrations.
        List<AppliedMigration> applied = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT ID, AUTHOR, FILENAME, MD5SUM, DATEEXECUTED FROM " + NAME + " ORDER BY ORDEREXECUTED, DATEEXECUTED");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                // Not getTimestamp: that initialises java.util.Calendar's locale data, 10 ms of a no-op run.
                applied.add(new AppliedMigration(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getObject(5, LocalDateTime.class)));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_NO_SUCH_TABLE) {
                return List.of();
            }
            throw e;
        }
        return applied;
    }

    /**
     * Whether the table can take {@link Recorder#record}'s rows as it is: true when it does not exist yet ({@link #create}
     * makes it) or has every column Liquibase 4.33 writes. False for a table an older Liquibase created, which only
     * Liquibase knows how to upgrade.
     */
    static boolean isCurrent(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + NAME + " WHERE 1 = 0")) {
            statement.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_NO_SUCH_TABLE) {
                return true;
            }
            if (e.getErrorCode() == ER_BAD_FIELD) {
                return false;
            }
            throw e;
        }
    }

    /** Creates the table as Liquibase does, unless it exists. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
    }

    /** The ORDEREXECUTED of the last recorded changeset; 0 when there is none. */
    static int lastOrder(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(ORDEREXECUTED) FROM " + NAME);
                ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /** Records applied changesets, one prepared statement for the whole run. */
    static Recorder recorder(Connection connection) throws SQLException {
        return new Recorder(connection.prepareStatement("INSERT INTO " + NAME + " (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, NOW(), ?, 'EXECUTED', ?, ?, ?, NULL, ?, NULL, NULL, ?)"));
    }

    /** Writes tracking rows in the connection's transaction; see {@link #recorder}. */
    static final class Recorder implements AutoCloseable {

        private final PreparedStatement insert;

        private Recorder(PreparedStatement insert) {
            this.insert = insert;
        }

        /** Records {@code row} as executed now, by the server's clock as Liquibase does. */
        void record(Row row) throws SQLException {
            insert.setString(1, row.id());
            insert.setString(2, row.author());
            insert.setString(3, row.fileName());
            insert.setInt(4, row.order());
            insert.setString(5, row.checksum());
            insert.setString(6, row.description());
            insert.setString(7, row.comments());
            insert.setString(8, row.liquibaseVersion());
            insert.setString(9, row.deploymentId());
            insert.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
