package dev.rsx.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Exact row counts of some tables of the current database: {@code COUNT(*)}, so only for the tables that matter. */
public final class RowCounts {

    private static final int TABLES_PER_QUERY = 100;

    private RowCounts() {}

    /**
     * The count of every table of {@code tables} that exists in {@code schema}; the others are left out. The counts
     * of up to {@value #TABLES_PER_QUERY} tables come in one query: a run that created 50 tables would otherwise spend
     * 50 round trips on them.
     */
    public static Map<String, Long> of(Connection connection, SchemaInventory schema, Collection<String> tables)
            throws SQLException {
        Map<String, SchemaInventory.Table> existing = schema.tablesByName();
        List<String> names = tables.stream().filter(existing::containsKey).map(t -> existing.get(t).name()).distinct()
                .toList();
        long[] counts = new long[names.size()];
        try (Statement s = connection.createStatement()) {
            for (int from = 0; from < names.size(); from += TABLES_PER_QUERY) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + TABLES_PER_QUERY));
                StringJoiner query = new StringJoiner(" UNION ALL ");
                for (int i = 0; i < batch.size(); i++) {
                    query.add("SELECT " + i + ", COUNT(*) FROM `" + batch.get(i).replace("`", "``") + "`");
                }
                try (ResultSet rows = s.executeQuery(query.toString())) {
                    while (rows.next()) {
                        counts[from + rows.getInt(1)] = rows.getLong(2);
                    }
                }
            }
        }
        Map<String, Long> byTable = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byTable.put(names.get(i), counts[i]);
        }
        return byTable;
    }
}
