package dev.rsx.snapshot;

import dev.rsx.engine.TrackingTable;
import java.sql.Connection;
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
        if (!SchemaObjects.names(c, "SELECT 1 FROM information_schema.events WHERE event_schema = ? LIMIT 1", schema, 1)
                .isEmpty()) {
            return everything("the schema has events, which may write any table");
        }
        if (!SchemaObjects.names(c, "SELECT 1 FROM information_schema.routines WHERE routine_schema = ?"
                + " AND routine_type = 'FUNCTION' LIMIT 1", schema, 1).isEmpty()) {
            return everything("the schema has stored functions, which a statement may call to write any table");
        }
        // Names differing only in case are different tables where lower_case_table_names is 0: a name copies all of them.
        Map<String, List<String>> byKey = new HashMap<>();
        tables.forEach(table -> byKey.computeIfAbsent(key(table), k -> new ArrayList<>()).add(table));
        Map<String, List<String>> children = new HashMap<>();
        for (String[] link : SchemaObjects.names(c, "SELECT DISTINCT referenced_table_name, table_name"
                + " FROM information_schema.key_column_usage WHERE table_schema = ?"
                + " AND referenced_table_schema = table_schema AND referenced_table_name IS NOT NULL", schema, 2)) {
            children.computeIfAbsent(key(link[0]), k -> new ArrayList<>()).add(key(link[1]));
        }
        Deque<String> queue = new ArrayDeque<>(written);
        queue.add(key(TrackingTable.NAME));
        queue.add(key(TrackingTable.LOCK_NAME));
        Set<String> copied = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            for (String table : byKey.getOrDefault(queue.poll(), List.of())) {
                if (copied.add(table)) {
                    queue.addAll(children.getOrDefault(key(table), List.of()));
                }
            }
        }
        for (String triggered : SchemaObjects.tablesWithTriggers(c, schema)) {
            if (copied.contains(triggered)) {
                return everything("table " + triggered + " has triggers, which may write any table");
            }
        }
        return new Scope(Set.copyOf(copied), null);
    }

    private static Scope everything(String because) {
        return new Scope(Set.of(), because);
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
