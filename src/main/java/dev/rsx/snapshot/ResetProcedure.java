package dev.rsx.snapshot;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.snapshot.SchemaObjects.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A stored procedure that puts the rows of a logical snapshot back and keeps the snapshot, so integration tests can
 * reset the database between test classes with one JDBC call ({@code CALL rsx_restore_fixtures()}), from any test
 * framework and without a dependency on this plugin.
 *
 * <p>For every table the snapshot holds it deletes the rows, copies the snapshot's rows back and resets the
 * AUTO_INCREMENT counter, with foreign key checks off. It restores data only: tables a test creates stay, tables it
 * drops make the call fail. Triggers fire during the copy (no server lets a procedure suspend them), so
 * {@link #install} warns about tables that have any.
 */
public final class ResetProcedure {

    private ResetProcedure() {}

    /**
     * Creates (or replaces) procedure {@code procedure} in the snapshot's schema, restoring snapshot {@code snapshot}.
     *
     * @throws SnapshotException when there is no such snapshot, or the procedure cannot be created
     */
    public static void install(ConnectionSettings database, String snapshot, String procedure, EngineLog log) {
        String schema = database.database();
        String shadow = LogicalSnapshot.shadowSchema(schema, snapshot);
        try (Connection c = DatabaseConnector.open(database)) {
            List<Table> tables = SchemaObjects.tables(c, shadow).stream()
                    .filter(t -> !t.name().equals(LogicalSnapshot.META) && !t.name().equals(LogicalSnapshot.OBJECTS))
                    .toList();
            if (tables.isEmpty() && !shadowExists(c, shadow)) {
                throw new SnapshotException("There is no snapshot '" + snapshot + "' of schema " + schema + " to reset to.");
            }
            StringBuilder body = new StringBuilder();
            for (Table table : tables) {
                String columns = String.join(", ", SchemaObjects.insertableColumns(c, shadow, table.name()).stream()
                        .map(SchemaObjects::quote).toList());
                String target = SchemaObjects.quote(table.name());
                body.append("  DELETE FROM ").append(target).append(";\n");
                body.append("  INSERT INTO ").append(target).append(" (").append(columns).append(") SELECT ").append(columns)
                        .append(" FROM ").append(SchemaObjects.qualified(shadow, table.name())).append(";\n");
                Long counter = counterAtSnapshot(c, shadow, table.name());
                if (counter != null) {
                    body.append("  ALTER TABLE ").append(target).append(" AUTO_INCREMENT = ").append(counter).append(";\n");
                }
            }
            String name = SchemaObjects.quote(procedure);
            try (Statement s = c.createStatement()) {
                s.setEscapeProcessing(false);
                // A routine runs with the sql_mode it was created with: this one copies values as they are (ids of 0
                // included), whatever mode the calling test uses.
                s.execute("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'");
                s.execute("DROP PROCEDURE IF EXISTS " + name);
                s.execute("CREATE PROCEDURE " + name + "()\n"
                        + "  MODIFIES SQL DATA\n"
                        + "  COMMENT 'rsx: puts the rows of snapshot " + snapshot.replace("'", "''") + " back'\n"
                        + "BEGIN\n"
                        + "  DECLARE saved_checks INT DEFAULT @@SESSION.foreign_key_checks;\n"
                        + "  DECLARE saved_zone VARCHAR(64) DEFAULT @@SESSION.time_zone;\n"
                        + "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN\n"
                        + "    SET SESSION foreign_key_checks = saved_checks;\n"
                        + "    SET SESSION time_zone = saved_zone;\n"
                        + "    RESIGNAL;\n"
                        + "  END;\n"
                        + "  SET SESSION foreign_key_checks = 0;\n"
                        + "  SET SESSION time_zone = '+00:00';\n"
                        + body
                        + "  SET SESSION foreign_key_checks = saved_checks;\n"
                        + "  SET SESSION time_zone = saved_zone;\n"
                        + "END");
            }
            List<String> triggered = SchemaObjects.tablesWithTriggers(c, schema);
            if (!triggered.isEmpty()) {
                log.warn("The triggers of " + String.join(", ", triggered) + " fire when " + procedure + "() copies their"
                        + " rows back. If a trigger changes what it copies, restore the snapshot with rsx:snapshot instead.");
            }
        } catch (SQLException e) {
            throw new SnapshotException("Cannot create procedure " + procedure + " in schema " + schema + ": "
                    + e.getMessage() + ". The user needs CREATE ROUTINE there.", e);
        }
    }

    /** The counter as the snapshot recorded it; null for a table without AUTO_INCREMENT. */
    private static Long counterAtSnapshot(Connection c, String shadow, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT definition FROM " + SchemaObjects.qualified(shadow,
                LogicalSnapshot.OBJECTS) + " WHERE kind = ? AND name = ?")) {
            s.setString(1, SchemaObjects.AUTO_INCREMENT);
            s.setString(2, table);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Long.valueOf(rows.getString(1)) : null;
            }
        }
    }

    private static boolean shadowExists(Connection c, String shadow) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            s.setString(1, shadow);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }
}
