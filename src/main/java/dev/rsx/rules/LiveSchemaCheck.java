package dev.rsx.rules;

import dev.rsx.engine.TrackingTable;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.checks.ForeignKeyTypeRule;
import dev.rsx.rules.checks.RequiredIdRule;
import dev.rsx.rules.checks.UnsignedKeyRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        try (PreparedStatement query = connection.prepareStatement("SELECT t.TABLE_NAME, t.TABLE_COLLATION, c.COLUMN_NAME,"
                + " c.COLUMN_TYPE, c.IS_NULLABLE, c.EXTRA, c.COLUMN_KEY, c.CHARACTER_SET_NAME"
                + " FROM information_schema.TABLES t JOIN information_schema.COLUMNS c"
                + " ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME"
                + " WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'"
                + " ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (OWNED.contains(name.toLowerCase(Locale.ROOT)) || !selected.test(name)) {
                    continue;
                }
                TableFacts table = tables.computeIfAbsent(name, TableFacts::new);
                table.collation = rows.getString(2);
                String column = rows.getString(3);
                table.columns.put(column.toLowerCase(Locale.ROOT), new String[] {column, rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(8)});
                if ("PRI".equals(rows.getString(7))) {
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
        try (PreparedStatement query = connection.prepareStatement("SELECT k.TABLE_NAME, k.COLUMN_NAME, c.COLUMN_TYPE,"
                + " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.COLUMN_TYPE, k.CONSTRAINT_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE k"
                + " JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = k.TABLE_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME"
                + " AND c.COLUMN_NAME = k.COLUMN_NAME"
                + " JOIN information_schema.COLUMNS r ON r.TABLE_SCHEMA = k.REFERENCED_TABLE_SCHEMA"
                + " AND r.TABLE_NAME = k.REFERENCED_TABLE_NAME AND r.COLUMN_NAME = k.REFERENCED_COLUMN_NAME"
                + " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (!tables.containsKey(table)) {
                    continue;
                }
                ColumnType referencing = ColumnType.parse(rows.getString(3), List.of());
                ColumnType referenced = ColumnType.parse(rows.getString(6), List.of());
                if (!referencing.describe().equals(referenced.describe())) {
                    findings.add(ForeignKeyTypeRule.DEFINITION, null, 0, table, "Foreign key " + rows.getString(7) + ": "
                            + table + "." + rows.getString(2) + " is " + referencing.describe().toUpperCase()
                            + " but references " + rows.getString(4) + "." + rows.getString(5) + ", which is "
                            + referenced.describe().toUpperCase() + ".");
                }
            }
        }
    }
}
