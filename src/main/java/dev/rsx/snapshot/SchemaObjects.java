package dev.rsx.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a schema holds (tables, views, triggers, routines, events, with the text {@code SHOW CREATE} gives for
 * each), drops those objects, and creates them again from that text. Used by {@link LogicalSnapshot}; every method
 * works on the connection it is given and leaves its session settings as it found them.
 */
final class SchemaObjects {

    static final String TABLE = "table";
    static final String AUTO_INCREMENT = "auto_increment";
    /** A table a targeted snapshot left in place: the restore keeps it, and drops only tables it does not know. */
    static final String TABLE_LEFT_IN_PLACE = "table_in_place";
    static final String PROCEDURE = "procedure";
    static final String FUNCTION = "function";
    static final String VIEW = "view";
    static final String TRIGGER = "trigger";
    static final String EVENT = "event";

    /** The order objects are created again in: routines first (views and triggers may call them), events last. */
    static final List<String> CREATION_ORDER = List.of(PROCEDURE, FUNCTION, VIEW, TRIGGER, EVENT);

    /**
     * One stored object. {@code sqlMode}, {@code characterSetClient}, {@code collationConnection} and
     * {@code timeZone} are the session settings the object was created with, as {@code SHOW CREATE} reports them
     * (null where it reports none).
     */
    record Definition(String kind, String name, String definition, int ord, String sqlMode, String characterSetClient,
            String collationConnection, String timeZone) {}

    /** A table of the schema, as information_schema describes it. */
    record Table(String name, String type, long bytes, Long autoIncrement) {}

    private SchemaObjects() {}

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** Every table of {@code schema} that is not a view, in name order. */
    static List<Table> tables(Connection c, String schema) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name, table_type,"
                + " IFNULL(data_length, 0) + IFNULL(index_length, 0), auto_increment FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type <> 'VIEW' ORDER BY table_name")) {
            s.setString(1, schema);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long auto = rows.getLong(4);
                    tables.add(new Table(rows.getString(1), rows.getString(2), rows.getLong(3), rows.wasNull() ? null : auto));
                }
            }
        }
        return tables;
    }

    /** The columns of {@code table} an INSERT can write: all but generated ones, invisible ones included. */
    static List<String> insertableColumns(Connection c, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND (generation_expression IS NULL OR generation_expression = '')"
                + " ORDER BY ordinal_position")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    static String showCreateTable(Connection c, String schema, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SHOW CREATE TABLE " + qualified(schema, table))) {
            rows.next();
            return rows.getString(2);
        }
    }

    /**
     * The definitions of every view, trigger, procedure, function and event of {@code schema}, each kind in the order
     * it must be created again (triggers of one table in their action order).
     *
     * @throws SnapshotException when the server hides a definition because the user lacks a privilege
     */
    static List<Definition> readDefinitions(Connection c, String schema) throws SQLException {
        List<Definition> definitions = new ArrayList<>();
        int ord = 0;
        for (String[] routine : names(c, "SELECT routine_type, routine_name FROM information_schema.routines"
                + " WHERE routine_schema = ? AND routine_type IN ('PROCEDURE', 'FUNCTION') ORDER BY routine_type, routine_name",
                schema, 2)) {
            String kind = routine[0].toLowerCase();
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SHOW CREATE " + kind.toUpperCase() + " " + qualified(schema, routine[1]))) {
                rows.next();
                definitions.add(new Definition(kind, routine[1], visible(rows.getString(3), kind, schema, routine[1]), ord++,
                        rows.getString(2), rows.getString(4), rows.getString(5), null));
            }
        }
        for (String[] view : names(c, "SELECT table_name FROM information_schema.views WHERE table_schema = ?"
                + " ORDER BY table_name", schema, 1)) {
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SHOW CREATE VIEW " + qualified(schema, view[0]))) {
                rows.next();
                definitions.add(new Definition(VIEW, view[0], visible(rows.getString(2), VIEW, schema, view[0]), ord++,
                        null, rows.getString(3), rows.getString(4), null));
            }
        }
        for (String[] trigger : names(c, "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = ?"
                + " ORDER BY event_object_table, action_timing, event_manipulation, action_order", schema, 1)) {
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SHOW CREATE TRIGGER " + qualified(schema, trigger[0]))) {
                rows.next();
                definitions.add(new Definition(TRIGGER, trigger[0], visible(rows.getString(3), TRIGGER, schema, trigger[0]),
                        ord++, rows.getString(2), rows.getString(4), rows.getString(5), null));
            }
        }
        for (String[] event : names(c, "SELECT event_name FROM information_schema.events WHERE event_schema = ?"
                + " ORDER BY event_name", schema, 1)) {
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SHOW CREATE EVENT " + qualified(schema, event[0]))) {
                rows.next();
                definitions.add(new Definition(EVENT, event[0], visible(rows.getString(4), EVENT, schema, event[0]), ord++,
                        rows.getString(2), rows.getString(5), rows.getString(6), rows.getString(3)));
            }
        }
        return definitions;
    }

    private static String visible(String definition, String kind, String schema, String name) {
        if (definition == null) {
            throw new SnapshotException("The server does not show the definition of " + kind + " `" + schema + "`.`"
                    + name + "` to this user, so a logical snapshot could not re-create it. Grant the user the privilege to"
                    + " see it (MySQL: SHOW_ROUTINE; MariaDB: SELECT on mysql.proc), or connect as its definer.");
        }
        return definition;
    }

    /** The tables of {@code schema} that have triggers, in name order. */
    static List<String> tablesWithTriggers(Connection c, String schema) throws SQLException {
        return names(c, "SELECT DISTINCT event_object_table FROM information_schema.triggers WHERE trigger_schema = ?"
                + " ORDER BY event_object_table", schema, 1).stream().map(row -> row[0]).toList();
    }

    /** Drops every view, trigger, procedure, function and event of {@code schema}. */
    static void dropProgrammableObjects(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String[] trigger : names(c, "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = ?",
                    schema, 1)) {
                s.execute("DROP TRIGGER IF EXISTS " + qualified(schema, trigger[0]));
            }
            for (String[] view : names(c, "SELECT table_name FROM information_schema.views WHERE table_schema = ?", schema, 1)) {
                s.execute("DROP VIEW IF EXISTS " + qualified(schema, view[0]));
            }
            for (String[] routine : names(c, "SELECT routine_type, routine_name FROM information_schema.routines"
                    + " WHERE routine_schema = ? AND routine_type IN ('PROCEDURE', 'FUNCTION')", schema, 2)) {
                s.execute("DROP " + routine[0] + " IF EXISTS " + qualified(schema, routine[1]));
            }
            for (String[] event : names(c, "SELECT event_name FROM information_schema.events WHERE event_schema = ?", schema, 1)) {
                s.execute("DROP EVENT IF EXISTS " + qualified(schema, event[0]));
            }
        }
    }

    /**
     * Creates {@code definition} again in the connection's current schema, with the sql_mode (and, where it is safe
     * with this driver, the character sets) and time zone it was created with; the session is reset afterwards.
     */
    static void create(Connection c, Definition definition) throws SQLException {
        Map<String, String> saved = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            Map<String, String> wanted = new LinkedHashMap<>();
            if (definition.sqlMode() != null) {
                wanted.put("sql_mode", definition.sqlMode());
            }
            if (definition.timeZone() != null) {
                wanted.put("time_zone", definition.timeZone());
            }
            if (definition.collationConnection() != null) {
                wanted.put("collation_connection", definition.collationConnection());
            }
            // The driver always sends UTF-8; another client character set is only set where the text is plain ASCII,
            // whose bytes mean the same in every character set.
            if (definition.characterSetClient() != null && definition.definition().chars().allMatch(ch -> ch < 128)) {
                wanted.put("character_set_client", definition.characterSetClient());
            }
            for (String variable : wanted.keySet()) {
                try (ResultSet rows = s.executeQuery("SELECT @@SESSION." + variable)) {
                    rows.next();
                    saved.put(variable, rows.getString(1));
                }
            }
            set(c, wanted);
            try {
                s.execute(definition.definition());
            } finally {
                set(c, saved);
            }
        }
    }

    private static void set(Connection c, Map<String, String> variables) throws SQLException {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            try (PreparedStatement s = c.prepareStatement("SET SESSION " + variable.getKey() + " = ?")) {
                s.setString(1, variable.getValue());
                s.execute();
            }
        }
    }

    /** The first {@code columns} columns of every row of {@code sql}, whose one parameter is {@code schema}. */
    static List<String[]> names(Connection c, String sql, String schema, int columns) throws SQLException {
        List<String[]> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schema);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rows.getString(i + 1);
                    }
                    names.add(row);
                }
            }
        }
        return names;
    }
}
