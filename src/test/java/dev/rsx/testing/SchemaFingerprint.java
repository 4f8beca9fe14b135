package dev.rsx.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a restore must put back exactly, as one comparable map: for every table, view, trigger, procedure,
 * function and event of the schema its {@code SHOW CREATE} text (tables with their {@code AUTO_INCREMENT=n}, kept on
 * purpose), for every table its {@code CHECKSUM TABLE} and AUTO_INCREMENT counter, for every trigger its action order,
 * and the session settings each routine, trigger and event was created with.
 *
 * <p>Keys are {@code kind:name} ({@code table:orders}, {@code checksum:orders}, {@code auto_increment:orders},
 * {@code view:...}, {@code trigger:...}, {@code procedure:...}, {@code function:...}, {@code event:...}), sorted, so a
 * failed {@code assertEquals} shows what differs. Nothing is normalised: the server prints the same text for the same
 * object every time.
 */
public final class SchemaFingerprint {

    private SchemaFingerprint() {}

    public static Map<String, String> of(TestDb db) {
        String schema = db.settings().database();
        Map<String, String> fingerprint = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try {
                // MySQL 8 caches information_schema.tables statistics, AUTO_INCREMENT included, for a day by default.
                s.execute("SET SESSION information_schema_stats_expiry = 0");
            } catch (SQLException e) {
                // MariaDB: never cached.
            }
            for (String[] table : rows(c, "SELECT table_name, auto_increment FROM information_schema.tables"
                    + " WHERE table_schema = ? AND table_type <> 'VIEW'", schema)) {
                fingerprint.put("table:" + table[0], single(s, "SHOW CREATE TABLE " + quote(table[0]), 2));
                fingerprint.put("checksum:" + table[0], single(s, "CHECKSUM TABLE " + quote(table[0]), 2));
                fingerprint.put("auto_increment:" + table[0], String.valueOf(table[1]));
            }
            for (String[] view : rows(c, "SELECT table_name FROM information_schema.views WHERE table_schema = ?", schema)) {
                fingerprint.put("view:" + view[0], String.join("\n", show(s, "SHOW CREATE VIEW " + quote(view[0]), 2, 3, 4)));
            }
            for (String[] trigger : rows(c, "SELECT trigger_name, action_order FROM information_schema.triggers"
                    + " WHERE trigger_schema = ?", schema)) {
                fingerprint.put("trigger:" + trigger[0], String.join("\n", show(s, "SHOW CREATE TRIGGER " + quote(trigger[0]),
                        3, 2, 4, 5, 6)) + "\naction_order=" + trigger[1]);
            }
            for (String[] routine : rows(c, "SELECT routine_type, routine_name FROM information_schema.routines"
                    + " WHERE routine_schema = ?", schema)) {
                fingerprint.put(routine[0].toLowerCase() + ":" + routine[1], String.join("\n",
                        show(s, "SHOW CREATE " + routine[0] + " " + quote(routine[1]), 3, 2, 4, 5, 6)));
            }
            for (String[] event : rows(c, "SELECT event_name FROM information_schema.events WHERE event_schema = ?", schema)) {
                fingerprint.put("event:" + event[0], String.join("\n", show(s, "SHOW CREATE EVENT " + quote(event[0]),
                        4, 2, 3, 5, 6, 7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fingerprinting schema " + schema + " failed: " + e.getMessage(), e);
        }
        return fingerprint;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String single(Statement s, String sql, int column) throws SQLException {
        return show(s, sql, column).get(0);
    }

    /** The given columns of the one row {@code sql} returns. */
    private static List<String> show(Statement s, String sql, int... columns) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException(sql + " returned nothing");
            }
            List<String> values = new ArrayList<>();
            for (int column : columns) {
                values.add(rows.getString(column));
            }
            return values;
        }
    }

    private static List<String[]> rows(Connection c, String sql, String schema) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schema);
            try (ResultSet result = s.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
