package dev.rsx.snapshot;

import dev.rsx.engine.TrackingTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which tables a targeted snapshot copies: the ones the statements write, the tracking tables the run writes, and every
 * table whose rows a write to those can change through a foreign key's {@code ON DELETE} or {@code ON UPDATE} action
 * (children, transitively; a parent's rows never change through its children). Tables outside the set are left in
 * place by the restore, which is exact only if nothing writes them: so a schema with events, stored functions (a
 * statement may call one), or a trigger on a table of the set, gets a full snapshot instead.
 */
final class TargetedTables {

    /**
     * The tables to copy, by their names in the schema, or why everything must be copied.
     *
     * @param copyEverythingBecause null when the set is bounded
     */
    record Scope(Set<String> tables, String copyEverythingBecause) {

        boolean bounded() {
            return copyEverythingBecause == null;
        }
    }

    private TargetedTables() {}

    /**
     * @param tables every base table of the schema
     * @param written lower-case names of the tables the statements write (names of tables that do not exist yet
     *     are ignored: a table created since the snapshot is dropped by the restore)
     */
    static Scope of(Connection c, String schema, Collection<String> tables, Set<String> written) throws SQLException {
        if (exists(c, "SELECT 1 FROM information_schema.events WHERE event_schema = ? LIMIT 1", schema)) {
            return everything("the schema has events, which may write any table");
        }
        if (exists(c, "SELECT 1 FROM information_schema.routines WHERE routine_schema = ? AND routine_type = 'FUNCTION'"
                + " LIMIT 1", schema)) {
            return everything("the schema has stored functions, which a statement may call to write any table");
        }
        // Names differing only in case are different tables where lower_case_table_names is 0: a name copies all of them.
        Map<String, List<String>> byKey = new HashMap<>();
        tables.forEach(table -> byKey.computeIfAbsent(key(table), k -> new ArrayList<>()).add(table));
        Set<String> start = new LinkedHashSet<>(written);
        start.add(key(TrackingTable.NAME));
        start.add(key(TrackingTable.LOCK_NAME));
        Set<String> copied = new LinkedHashSet<>();
        Map<String, List<String>> children = children(c, schema);
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            for (String table : byKey.getOrDefault(queue.poll(), List.of())) {
                if (copied.add(table)) {
                    queue.addAll(children.getOrDefault(key(table), List.of()));
                }
            }
        }
        for (String triggered : triggerTables(c, schema)) {
            if (copied.contains(triggered)) {
                return everything("table " + triggered + " has triggers, which may write any table");
            }
        }
        return new Scope(Set.copyOf(copied), null);
    }

    private static Scope everything(String because) {
        return new Scope(Set.of(), because);
    }

    /** Parent table (lower case) to the tables whose foreign keys reference it. */
    private static Map<String, List<String>> children(Connection c, String schema) throws SQLException {
        Map<String, List<String>> children = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT referenced_table_name, table_name"
                + " FROM information_schema.key_column_usage WHERE table_schema = ? AND referenced_table_schema = ?"
                + " AND referenced_table_name IS NOT NULL")) {
            s.setString(1, schema);
            s.setString(2, schema);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    children.computeIfAbsent(key(rows.getString(1)), k -> new ArrayList<>()).add(key(rows.getString(2)));
                }
            }
        }
        return children;
    }

    private static Set<String> triggerTables(Connection c, String schema) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT event_object_table FROM information_schema.triggers"
                + " WHERE trigger_schema = ?")) {
            s.setString(1, schema);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean exists(Connection c, String query, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, schema);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
