package dev.rsx.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exact row counts of some tables of the current database: {@code COUNT(*)}, so only for the tables that matter. */
public final class RowCounts {

    private RowCounts() {}

    /** The count of every table of {@code tables} that exists in {@code schema}; the others are left out. */
    public static Map<String, Long> of(Connection connection, SchemaInventory schema, Collection<String> tables)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, SchemaInventory.Table> existing = schema.tablesByName();
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                if (!existing.containsKey(table)) {
                    continue;
                }
                String name = existing.get(table).name();
                try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM `" + name.replace("`", "``") + "`")) {
                    rows.next();
                    counts.put(name, rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
