package dev.rsx.rules;

import dev.rsx.engine.TrackingTable;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.checks.ForeignKeyTypeRule;
import dev.rsx.rules.checks.RequiredIdRule;
import dev.rsx.rules.checks.UnsignedKeyRule;
import dev.rsx.schema.BaseTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules that can be checked on what the server actually built, read from information_schema: the id column and
 * primary key, foreign-key types, utf8mb4. This is where a statement the parser could not read is checked, and
 * what {@code rsx:check} verifies after building the schema from empty.
 */
public final class LiveSchemaCheck {

    private static final Set<String> OWNED = Set.of(TrackingTable.NAME.toLowerCase(Locale.ROOT),
            TrackingTable.LOCK_NAME.toLowerCase(Locale.ROOT));

    private final RulePolicy policy;

    public LiveSchemaCheck(RulePolicy policy) {
        this.policy = policy;
    }

    /**
     * Checks the tables {@code selected} accepts (all base tables but the tracking tables are candidates).
     *
     * @param waivers the static result whose waived findings exempt their tables from the same live rule
     * @param normalize the normalization that ran, null when it was skipped: only the tables it converts are held to
     *     utf8mb4
     */
    public CheckResult run(Connection connection, Predicate<String> selected, CheckResult waivers,
            NormalizeOptions normalize)
            throws SQLException {
        Findings findings = new Findings(policy);
        Map<String, TableFacts> tables = read(connection, selected);
        for (TableFacts table : tables.values()) {
            checkId(table, waivers, findings);
            if (normalize != null && !normalize.exemptTables().contains(table.name.toLowerCase(Locale.ROOT))) {
                checkCharset(table, findings);
            }
        }
        checkForeignKeys(connection, tables, findings);
        return CheckResult.of(findings.all());
    }

    private static final class TableFacts {
        final String name;
        String collation;
        final Map<String, String[]> columns = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();

        TableFacts(String name) {
            this.name = name;
        }
    }

    private static Map<String, TableFacts> read(Connection connection, Predicate<String> selected) throws SQLException {
        Map<String, TableFacts> tables = new LinkedHashMap<>();
        Map<String, String> collations = BaseTables.withCollation(connection);
        try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE,"
                + " IS_NULLABLE, EXTRA, COLUMN_KEY, CHARACTER_SET_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (!collations.containsKey(name) || OWNED.contains(name.toLowerCase(Locale.ROOT)) || !selected.test(name)) {
                    continue;
                }
                TableFacts table = tables.computeIfAbsent(name, TableFacts::new);
                table.collation = collations.get(name);
                String column = rows.getString(2);
                table.columns.put(column.toLowerCase(Locale.ROOT), new String[] {column, rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(7)});
                if ("PRI".equals(rows.getString(6))) {
                    table.primaryKey.add(column);
                }
            }
        }
        return tables;
    }

    private void checkId(TableFacts table, CheckResult waivers, Findings findings) {
        String[] id = table.columns.get("id");
        List<String> problems = new ArrayList<>();
        if (id == null) {
            problems.add("there is no id column");
        } else {
            ColumnType type = ColumnType.parse(id[1], List.of());
            problems.addAll(RequiredIdRule.typeProblems(type.base(), "YES".equals(id[2]),
                    id[3].toLowerCase(Locale.ROOT).contains("auto_increment")));
            problems.addAll(RequiredIdRule.primaryKeyProblems(table.primaryKey));
            if (type.unsigned() && !waivers.waives(UnsignedKeyRule.DEFINITION, table.name)) {
                findings.add(UnsignedKeyRule.DEFINITION, null, 0, table.name, table.name + ".id is "
                        + type.describe().toUpperCase() + " in the database.");
            }
        }
        if (!problems.isEmpty() && !waivers.waives(RequiredIdRule.DEFINITION, table.name)) {
            findings.add(RequiredIdRule.DEFINITION, null, 0, table.name, "Table " + table.name + " in the database: "
                    + String.join("; ", problems) + ".");
        }
    }

    private static void checkCharset(TableFacts table, Findings findings) {
        List<String> problems = new ArrayList<>();
        if (table.collation != null && !table.collation.toLowerCase(Locale.ROOT).startsWith("utf8mb4")) {
            problems.add("default collation " + table.collation);
        }
        table.columns.values().stream().filter(c -> c[4] != null && !c[4].equalsIgnoreCase("utf8mb4"))
                .forEach(c -> problems.add(c[0] + " is " + c[4]));
        if (!problems.isEmpty()) {
            findings.add(RuleCatalog.LIVE_UTF8MB4, null, 0, table.name, "Table " + table.name + ": "
                    + String.join(", ", problems) + ".");
        }
    }

    private static void checkForeignKeys(Connection connection, Map<String, TableFacts> tables, Findings findings)
            throws SQLException {
        record Reference(String constraint, String table, String column, String referencedSchema, String referencedTable,
                String referencedColumn) {}
        List<Reference> references = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME,"
                + " REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (tables.containsKey(rows.getString(2))) {
                    references.add(new Reference(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
        }
        if (references.isEmpty()) {
            return;
        }
        String schema = connection.getCatalog();
        Set<String> schemas = new LinkedHashSet<>();
        schemas.add(schema);
        references.forEach(r -> schemas.add(r.referencedSchema()));
        Map<String, String> types = columnTypes(connection, schemas);
        for (Reference reference : references) {
            String referencingType = types.get(columnKey(schema, reference.table(), reference.column()));
            String referencedType = types.get(columnKey(reference.referencedSchema(), reference.referencedTable(),
                    reference.referencedColumn()));
            if (referencingType == null || referencedType == null) {
                continue;
            }
            ColumnType referencing = ColumnType.parse(referencingType, List.of());
            ColumnType referenced = ColumnType.parse(referencedType, List.of());
            if (!referencing.describe().equals(referenced.describe())) {
                findings.add(ForeignKeyTypeRule.DEFINITION, null, 0, reference.table(), "Foreign key "
                        + reference.constraint() + ": " + reference.table() + "." + reference.column() + " is "
                        + referencing.describe().toUpperCase() + " but references " + reference.referencedTable() + "."
                        + reference.referencedColumn() + ", which is " + referenced.describe().toUpperCase() + ".");
            }
        }
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
