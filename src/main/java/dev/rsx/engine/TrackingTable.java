package dev.rsx.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Liquibase's tracking table with one query, without Liquibase: that is all that deciding what is applied
 * needs, and it creates nothing, so {@code rsx:status} never changes the database it inspects.
 */
public final class TrackingTable {

    /** Liquibase's default table name, kept so that existing Liquibase users find their history where it was. */
    public static final String NAME = "DATABASECHANGELOG";
    public static final String LOCK_NAME = "DATABASECHANGELOGLOCK";

    private static final int ER_NO_SUCH_TABLE = 1146;

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
                Timestamp executed = rows.getTimestamp(5);
                applied.add(new AppliedMigration(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        executed == null ? null : executed.toLocalDateTime()));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_NO_SUCH_TABLE) {
                return List.of();
            }
            throw e;
        }
        return applied;
    }
}
