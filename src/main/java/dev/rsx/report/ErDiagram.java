package dev.rsx.report;

import dev.rsx.schema.SchemaInventory;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schema as a Mermaid {@code erDiagram}, for a reviewer to see at a glance: every table with its key columns
 * (primary, foreign and unique keys; other columns would drown the picture) and every foreign key as a relationship,
 * one-or-zero to many when the referencing columns are nullable, exactly-one to many otherwise.
 *
 * <p>Mermaid accepts entity and attribute names of letters, digits, {@code _} and {@code -} only, and a type without
 * spaces, so other characters become {@code _} and types are reduced to their base name ({@code varchar}).
 */
public final class ErDiagram {

    // Compiled once: the diagram of a large schema names thousands of tables and columns.
    private static final Pattern TYPE_ARGUMENTS = Pattern.compile("[(\\s].*$");
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[^A-Za-z0-9_-]");

    private ErDiagram() {}

    public static String of(SchemaInventory schema) {
        StringBuilder out = new StringBuilder("erDiagram\n");
        Set<String> foreignKeyColumns = new HashSet<>();
        for (SchemaInventory.ForeignKey key : schema.foreignKeys()) {
            key.columns().forEach(c -> foreignKeyColumns.add(key.table() + "." + c));
        }
        for (SchemaInventory.Table table : schema.tables()) {
            List<String> rows = table.columns().stream()
                    .filter(c -> c.primaryKey() || "UNI".equals(c.key()) || foreignKeyColumns.contains(table.name() + "." + c.name()))
                    .map(c -> "        " + baseType(c.columnType()) + " " + name(c.name()) + " "
                            + keys(c, foreignKeyColumns.contains(table.name() + "." + c.name())))
                    .toList();
            out.append("    ").append(name(table.name()));
            if (rows.isEmpty()) {
                out.append('\n');
                continue;
            }
            out.append(" {\n");
            rows.forEach(row -> out.append(row).append('\n'));
            out.append("    }\n");
        }
        Map<String, SchemaInventory.Table> tables = schema.tablesByName();
        for (SchemaInventory.ForeignKey key : schema.foreignKeys()) {
            boolean optional = Optional.ofNullable(tables.get(key.table())).map(t -> key.columns().stream()
                    .anyMatch(c -> t.column(c).map(SchemaInventory.Column::nullable).orElse(false))).orElse(false);
            out.append("    ").append(name(key.referencedTable())).append(optional ? " |o--o{ " : " ||--o{ ")
                    .append(name(key.table())).append(" : \"").append(key.name().replace("\"", "'")).append("\"\n");
        }
        return out.toString();
    }

    private static String keys(SchemaInventory.Column column, boolean foreignKey) {
        StringBuilder keys = new StringBuilder();
        if (column.primaryKey()) {
            keys.append("PK");
        }
        if (foreignKey) {
            keys.append(keys.isEmpty() ? "" : ", ").append("FK");
        }
        if ("UNI".equals(column.key())) {
            keys.append(keys.isEmpty() ? "" : ", ").append("UK");
        }
        return keys.toString();
    }

    private static String baseType(String columnType) {
        String base = TYPE_ARGUMENTS.matcher(columnType.toLowerCase(Locale.ROOT)).replaceAll("");
        return base.isEmpty() ? "unknown" : name(base);
    }

    private static String name(String identifier) {
        String safe = NOT_IN_A_NAME.matcher(identifier).replaceAll("_");
        return Character.isLetter(safe.charAt(0)) || safe.charAt(0) == '_' ? safe : "_" + safe;
    }
}
