package dev.rsx.report;

import dev.rsx.schema.SchemaInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables and columns added, modified and dropped between two readings of a schema: the report's "schema changes".
 * A column is modified when its type, nullability, default or extra (AUTO_INCREMENT, ON UPDATE …) changed.
 */
public record SchemaDiff(List<String> tablesAdded, List<String> tablesDropped, List<String> columnsAdded,
        List<String> columnsModified, List<String> columnsDropped) {

    /** No change at all. */
    public static final SchemaDiff NONE = new SchemaDiff(List.of(), List.of(), List.of(), List.of(), List.of());

    public static SchemaDiff between(SchemaInventory before, SchemaInventory after) {
        List<String> tablesAdded = new ArrayList<>();
        List<String> tablesDropped = new ArrayList<>();
        List<String> columnsAdded = new ArrayList<>();
        List<String> columnsModified = new ArrayList<>();
        List<String> columnsDropped = new ArrayList<>();
        Map<String, SchemaInventory.Table> beforeByName = before.tablesByName();
        Map<String, SchemaInventory.Table> afterByName = after.tablesByName();
        for (SchemaInventory.Table table : after.tables()) {
            SchemaInventory.Table old = beforeByName.get(table.name());
            if (old == null) {
                tablesAdded.add(table.name() + " (" + String.join(", ", table.columns().stream().map(SchemaDiff::describe).toList()) + ")");
                continue;
            }
            Map<String, SchemaInventory.Column> oldColumns = old.columnsByName();
            Map<String, SchemaInventory.Column> newColumns = table.columnsByName();
            for (SchemaInventory.Column column : table.columns()) {
                SchemaInventory.Column was = oldColumns.get(column.name());
                if (was == null) {
                    columnsAdded.add(table.name() + "." + describe(column));
                } else if (!sameDefinition(was, column)) {
                    columnsModified.add(table.name() + "." + column.name() + ": " + definition(was) + " → " + definition(column));
                }
            }
            for (SchemaInventory.Column column : old.columns()) {
                if (!newColumns.containsKey(column.name())) {
                    columnsDropped.add(table.name() + "." + column.name());
                }
            }
        }
        for (SchemaInventory.Table table : before.tables()) {
            if (!afterByName.containsKey(table.name())) {
                tablesDropped.add(table.name());
            }
        }
        return new SchemaDiff(List.copyOf(tablesAdded), List.copyOf(tablesDropped), List.copyOf(columnsAdded),
                List.copyOf(columnsModified), List.copyOf(columnsDropped));
    }

    public boolean isEmpty() {
        return tablesAdded.isEmpty() && tablesDropped.isEmpty() && columnsAdded.isEmpty() && columnsModified.isEmpty()
                && columnsDropped.isEmpty();
    }

    private static boolean sameDefinition(SchemaInventory.Column a, SchemaInventory.Column b) {
        return a.columnType().equals(b.columnType()) && a.nullable() == b.nullable()
                && Objects.equals(a.defaultValue(), b.defaultValue()) && Objects.equals(a.extra(), b.extra());
    }

    private static String describe(SchemaInventory.Column column) {
        return column.name() + " " + definition(column);
    }

    private static String definition(SchemaInventory.Column column) {
        StringBuilder text = new StringBuilder(column.columnType()).append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.defaultValue() != null) {
            text.append(" DEFAULT ").append(column.defaultValue());
        }
        if (column.extra() != null && !column.extra().isBlank()) {
            text.append(' ').append(column.extra());
        }
        return text.toString();
    }
}
