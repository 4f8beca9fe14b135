package dev.rsx.rules;

import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.checks.ForeignKeyTypeRule;
import dev.rsx.rules.checks.RequiredIdRule;
import dev.rsx.rules.checks.UnsignedKeyRule;
import dev.rsx.schema.SchemaInventory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rules that can be checked on what the server actually built, as a {@link SchemaInventory} read after the
 * run (without the plugin's tracking tables): the id column and primary key, foreign-key types, utf8mb4. This is
 * where a statement the parser could not read is checked, and what {@code rsx:check} verifies after building the
 * schema from empty.
 */
public final class LiveSchemaCheck {

    private final RulePolicy policy;

    public LiveSchemaCheck(RulePolicy policy) {
        this.policy = policy;
    }

    /**
     * Checks the tables of {@code schema} that {@code selected} accepts.
     *
     * @param connection to the database {@code schema} was read from: for the types of columns that foreign keys
     *     reference in other databases
     * @param waivers the static result whose waived findings exempt their tables from the same live rule
     * @param normalize the normalization that ran, null when it was skipped: only the tables it converts are held to
     *     utf8mb4
     */
    public CheckResult run(Connection connection, SchemaInventory schema, Predicate<String> selected,
            CheckResult waivers, NormalizeOptions normalize) throws SQLException {
        Findings findings = new Findings(policy);
        List<SchemaInventory.Table> tables = schema.tables().stream().filter(t -> selected.test(t.name())).toList();
        for (SchemaInventory.Table table : tables) {
            checkId(table, waivers, findings);
            if (normalize != null && !normalize.exemptTables().contains(table.name().toLowerCase(Locale.ROOT))) {
                checkCharset(table, findings);
            }
        }
        Set<String> checked = tables.stream().map(SchemaInventory.Table::name).collect(Collectors.toSet());
        checkForeignKeys(connection, schema, schema.foreignKeys().stream().filter(k -> checked.contains(k.table()))
                .toList(), findings);
        return CheckResult.of(findings.all());
    }

    private void checkId(SchemaInventory.Table table, CheckResult waivers, Findings findings) {
        Optional<SchemaInventory.Column> id = table.column("id");
        List<String> problems = new ArrayList<>();
        if (id.isEmpty()) {
            problems.add("there is no id column");
        } else {
            ColumnType type = ColumnType.parse(id.get().columnType(), List.of());
            problems.addAll(RequiredIdRule.typeProblems(type.base(), id.get().nullable(),
                    id.get().extra().toLowerCase(Locale.ROOT).contains("auto_increment")));
            problems.addAll(RequiredIdRule.primaryKeyProblems(table.columns().stream()
                    .filter(SchemaInventory.Column::primaryKey).map(SchemaInventory.Column::name).toList()));
            if (type.unsigned() && !waivers.waives(UnsignedKeyRule.DEFINITION, table.name())) {
                findings.add(UnsignedKeyRule.DEFINITION, null, 0, table.name(), table.name() + ".id is "
                        + type.describe().toUpperCase() + " in the database.");
            }
        }
        if (!problems.isEmpty() && !waivers.waives(RequiredIdRule.DEFINITION, table.name())) {
            findings.add(RequiredIdRule.DEFINITION, null, 0, table.name(), "Table " + table.name()
                    + " in the database: " + String.join("; ", problems) + ".");
        }
    }

    private static void checkCharset(SchemaInventory.Table table, Findings findings) {
        List<String> problems = new ArrayList<>();
        if (table.collation() != null && !table.collation().toLowerCase(Locale.ROOT).startsWith("utf8mb4")) {
            problems.add("default collation " + table.collation());
        }
        table.columns().stream().filter(c -> c.characterSet() != null && !c.characterSet().equalsIgnoreCase("utf8mb4"))
                .forEach(c -> problems.add(c.name() + " is " + c.characterSet()));
        if (!problems.isEmpty()) {
            findings.add(RuleCatalog.LIVE_UTF8MB4, null, 0, table.name(), "Table " + table.name() + ": "
                    + String.join(", ", problems) + ".");
        }
    }

    private static void checkForeignKeys(Connection connection, SchemaInventory schema,
            List<SchemaInventory.ForeignKey> keys, Findings findings) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        String current = connection.getCatalog();
        Map<String, SchemaInventory.Table> tables = schema.tablesByName();
        Set<String> otherSchemas = keys.stream().map(SchemaInventory.ForeignKey::referencedSchema)
                .filter(s -> !s.equals(current)).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> elsewhere = otherSchemas.isEmpty() ? Map.of() : columnTypes(connection, otherSchemas);
        for (SchemaInventory.ForeignKey key : keys) {
            for (int i = 0; i < key.columns().size(); i++) {
                String column = key.columns().get(i);
                String referencedColumn = key.referencedColumns().get(i);
                String referencingType = typeOf(tables.get(key.table()), column);
                String referencedType = key.referencedSchema().equals(current)
                        ? typeOf(tables.get(key.referencedTable()), referencedColumn)
                        : elsewhere.get(columnKey(key.referencedSchema(), key.referencedTable(), referencedColumn));
                if (referencingType == null || referencedType == null) {
                    continue;
                }
                ColumnType referencing = ColumnType.parse(referencingType, List.of());
                ColumnType referenced = ColumnType.parse(referencedType, List.of());
                if (!referencing.describe().equals(referenced.describe())) {
                    findings.add(ForeignKeyTypeRule.DEFINITION, null, 0, key.table(), "Foreign key " + key.name() + ": "
                            + key.table() + "." + column + " is " + referencing.describe().toUpperCase()
                            + " but references " + key.referencedTable() + "." + referencedColumn + ", which is "
                            + referenced.describe().toUpperCase() + ".");
                }
            }
        }
    }

    private static String typeOf(SchemaInventory.Table table, String column) {
        return table == null ? null : table.column(column).map(SchemaInventory.Column::columnType).orElse(null);
    }

    /** Every column's type in {@code schemas}, by {@link #columnKey}. */
    private static Map<String, String> columnTypes(Connection connection, Set<String> schemas) throws SQLException {
        Map<String, String> types = new HashMap<>();
        String placeholders = String.join(", ", schemas.stream().map(s -> "?").toList());
        try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME,"
                + " COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (" + placeholders + ")")) {
            int index = 1;
            for (String schema : schemas) {
                query.setString(index++, schema);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.put(columnKey(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getString(4));
                }
            }
        }
        return types;
    }

    private static String columnKey(String schema, String table, String column) {
        return schema + "\u0000" + table + "\u0000" + column.toLowerCase(Locale.ROOT);
    }
}
