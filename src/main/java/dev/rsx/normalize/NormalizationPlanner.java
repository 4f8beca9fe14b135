package dev.rsx.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what normalization changes, from the schema alone (seed 001, "AUTOMATIC NORMALIZATION"). It never
 * plans a change that could alter a stored value: a {@code BIGINT UNSIGNED} holding values above the signed range
 * stays, temporal columns more precise than milliseconds stay, and a foreign-key family whose columns would end up
 * with different types stays as it is, with a warning saying why.
 */
final class NormalizationPlanner {

    private static final Pattern MARKER = Pattern.compile("rsx:([a-z_]+(?:\\s*,\\s*[a-z_]+)*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("(?i)current_timestamp(\\(\\d*\\))?");
    private static final Pattern LEADING_CHARSET = Pattern.compile("(?i)^\\s+CHARACTER SET \\w+");
    private static final Pattern LEADING_COLLATE = Pattern.compile("(?i)^\\s+COLLATE \\w+");
    private static final String UTF8MB4 = "utf8mb4";
    private static final int MILLISECONDS = 3;

    private final NormalizeOptions options;
    private final SchemaModel.ColumnDefinitions definitions;
    private final List<String> warnings = new ArrayList<>();

    private NormalizationPlanner(NormalizeOptions options, SchemaModel.ColumnDefinitions definitions) {
        this.options = options;
        this.definitions = definitions;
    }

    static NormalizationPlan plan(SchemaModel schema, NormalizeOptions options) {
        return new NormalizationPlanner(options, schema.definitions()).plan(schema);
    }

    /** A column's new type and charset ({@code null} when unchanged), and its current definition. */
    private record ColumnTarget(String type, String charset, String description, String definition) {}

    private NormalizationPlan plan(SchemaModel schema) {
        Map<String, ColumnTarget> targets = new LinkedHashMap<>();
        for (SchemaModel.Table table : schema.tables().values()) {
            if (isExempt(table)) {
                continue;
            }
            for (SchemaModel.Column column : table.columns()) {
                ColumnTarget target = target(table, column);
                if (target != null) {
                    targets.put(key(table.name(), column.name()), target);
                }
            }
        }
        List<SchemaModel.ForeignKey> rebuilt = targets.isEmpty() ? List.of()
                : keepForeignKeyFamiliesConsistent(schema, targets);
        List<TableChanges> changes = new ArrayList<>();
        for (SchemaModel.Table table : schema.tables().values()) {
            if (!isExempt(table)) {
                TableChanges tableChanges = changesOf(table, targets);
                if (!tableChanges.clauses().isEmpty()) {
                    changes.add(tableChanges);
                }
            }
        }
        return new NormalizationPlan(List.copyOf(changes), rebuilt, List.copyOf(warnings));
    }

    private boolean isExempt(SchemaModel.Table table) {
        return options.exemptTables().contains(table.name().toLowerCase(Locale.ROOT));
    }

    private ColumnTarget target(SchemaModel.Table table, SchemaModel.Column column) {
        String type = column.columnType().toLowerCase(Locale.ROOT);
        boolean unsigned = type.contains("unsigned");
        String newType = switch (column.dataType()) {
            case "int", "mediumint", "smallint" -> "bigint";
            case "bigint" -> unsigned && !column.holdsValuesAboveSignedBigint() ? "bigint" : null;
            case "text", "tinytext", "mediumtext" -> "longtext";
            case "float" -> unsigned ? "double unsigned" : "double";
            case "datetime", "timestamp" -> precision(column) < MILLISECONDS ? column.dataType() + "(3)" : null;
            default -> null;
        };
        if ("bigint".equals(column.dataType()) && unsigned && column.holdsValuesAboveSignedBigint()) {
            warnings.add(table.name() + "." + column.name() + " stays BIGINT UNSIGNED: it holds values above the signed"
                    + " BIGINT range, which a conversion would change.");
        }
        String newCharset = column.charset() != null && !UTF8MB4.equalsIgnoreCase(column.charset()) ? UTF8MB4 : null;
        if (newType == null && newCharset == null) {
            return null;
        }
        String definition = definitions.of(table.name()).get(column.name());
        if (definition == null || !definition.toLowerCase(Locale.ROOT)
                .startsWith((Identifiers.quote(column.name()) + " " + type).toLowerCase(Locale.ROOT))) {
            warnings.add(table.name() + "." + column.name() + " is left as it is: its SHOW CREATE TABLE definition could"
                    + " not be read reliably (" + definition + ").");
            return null;
        }
        List<String> what = new ArrayList<>();
        if (newType != null) {
            what.add(column.name() + " " + type + " -> " + newType);
        }
        if (newCharset != null) {
            what.add(column.name() + " " + column.charset() + " -> utf8mb4");
        }
        return new ColumnTarget(newType, newCharset, String.join(", ", what), definition);
    }

    private static int precision(SchemaModel.Column column) {
        return column.datetimePrecision() == null ? 0 : column.datetimePrecision();
    }

    /**
     * Columns joined by foreign keys must keep identical types. For each family (columns linked by foreign keys,
     * transitively) where something changes, either every member ends with the same type and charset, or nothing in
     * the family changes. Returns the foreign keys to drop and re-add around the changes.
     */
    private List<SchemaModel.ForeignKey> keepForeignKeyFamiliesConsistent(SchemaModel schema, Map<String, ColumnTarget> targets) {
        List<SchemaModel.ForeignKey> foreignKeys = schema.foreignKeys().all();
        Map<String, String> parent = new HashMap<>();
        for (SchemaModel.ForeignKey fk : foreignKeys) {
            for (int i = 0; i < fk.columns().size(); i++) {
                union(parent, key(fk.table(), fk.columns().get(i)), key(fk.referencedTable(), fk.referencedColumns().get(i)));
            }
        }
        Map<String, Set<String>> families = new LinkedHashMap<>();
        for (String member : parent.keySet()) {
            families.computeIfAbsent(find(parent, member), r -> new LinkedHashSet<>()).add(member);
        }
        for (Set<String> family : families.values()) {
            if (family.stream().noneMatch(targets::containsKey)) {
                continue;
            }
            Set<String> outcomes = new LinkedHashSet<>();
            for (String member : family) {
                outcomes.add(outcome(schema, member, targets.get(member)));
            }
            if (outcomes.size() > 1) {
                family.forEach(targets::remove);
                warnings.add("Foreign-key columns " + String.join(", ", family) + " are left as they are: normalizing"
                        + " them would give them different types (" + String.join(" / ", outcomes) + "), which MySQL"
                        + " refuses. Align their types in a migration (an exempt table can cause this).");
            }
        }
        return foreignKeys.stream().filter(fk -> touches(fk, targets)).toList();
    }

    private static boolean touches(SchemaModel.ForeignKey fk, Map<String, ColumnTarget> targets) {
        for (int i = 0; i < fk.columns().size(); i++) {
            if (targets.containsKey(key(fk.table(), fk.columns().get(i)))
                    || targets.containsKey(key(fk.referencedTable(), fk.referencedColumns().get(i)))) {
                return true;
            }
        }
        return false;
    }

    private static String outcome(SchemaModel schema, String member, ColumnTarget target) {
        String[] tableAndColumn = member.split("\\.", 2);
        SchemaModel.Table table = schema.tables().values().stream()
                .filter(t -> t.name().equalsIgnoreCase(tableAndColumn[0])).findFirst().orElse(null);
        SchemaModel.Column column = table == null ? null : table.column(tableAndColumn[1]);
        if (column == null) {
            return "unknown";
        }
        String type = target != null && target.type() != null ? target.type() : column.columnType().toLowerCase(Locale.ROOT)
                .replaceAll("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)", "$1");
        String charset = target != null && target.charset() != null ? target.charset() : column.charset();
        return charset == null ? type : type + " " + charset;
    }

    private TableChanges changesOf(SchemaModel.Table table, Map<String, ColumnTarget> targets) {
        List<String> clauses = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (SchemaModel.Column column : table.columns()) {
            ColumnTarget target = targets.get(key(table.name(), column.name()));
            if (target != null) {
                clauses.add(modifyClause(column, target));
                descriptions.add(target.description());
            }
        }
        Set<String> flags = markers(table);
        boolean tenant = flags.contains("site") || matches(options.tenantTables(), table.name());
        boolean versioned = flags.contains("versioned") || matches(options.versionedTables(), table.name());
        List<String> added = new ArrayList<>();
        addColumn(table, "created_at", "TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3)", clauses, added);
        addColumn(table, "updated_at", "TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)",
                clauses, added);
        addColumn(table, "created_by", "BIGINT NULL", clauses, added);
        addColumn(table, "updated_by", "BIGINT NULL", clauses, added);
        if (table.column("deleted_at") != null) {
            addColumn(table, "deleted_by", "BIGINT NULL", clauses, added);
        }
        if (tenant) {
            addColumn(table, "site_id", "BIGINT NULL", clauses, added);
        }
        if (versioned) {
            addColumn(table, "version", "BIGINT NOT NULL DEFAULT 1", clauses, added);
        }
        if (!added.isEmpty()) {
            descriptions.add("added " + String.join(", ", added));
        }
        List<String> indexed = new ArrayList<>();
        addIndex(table, List.of("created_at"), clauses, indexed);
        addIndex(table, List.of("updated_at"), clauses, indexed);
        if (tenant) {
            addIndex(table, List.of("site_id"), clauses, indexed);
        }
        if (versioned && table.column("id") != null) {
            addIndex(table, List.of("id", "version"), clauses, indexed);
        }
        if (!indexed.isEmpty()) {
            descriptions.add("indexed " + String.join(", ", indexed));
        }
        if (!UTF8MB4.equalsIgnoreCase(table.charset())) {
            clauses.add("DEFAULT CHARACTER SET utf8mb4 COLLATE " + options.collation());
            descriptions.add("table charset " + table.charset() + " -> utf8mb4");
        }
        return new TableChanges(table.name(), List.copyOf(clauses), List.copyOf(descriptions));
    }

    private String modifyClause(SchemaModel.Column column, ColumnTarget target) {
        String originalType = column.columnType();
        String rest = target.definition().substring((Identifiers.quote(column.name()) + " " + originalType).length());
        StringBuilder clause = new StringBuilder("MODIFY COLUMN ").append(Identifiers.quote(column.name())).append(' ')
                .append(target.type() != null ? target.type() : originalType);
        if (target.charset() != null) {
            rest = LEADING_COLLATE.matcher(LEADING_CHARSET.matcher(rest).replaceFirst("")).replaceFirst("");
            clause.append(" CHARACTER SET utf8mb4 COLLATE ").append(options.collation());
        }
        if (target.type() != null && target.type().endsWith("(3)")) {
            rest = withMillisecondTimestamps(rest);
        }
        return clause.append(rest).toString();
    }

    /** A (3) column's CURRENT_TIMESTAMP default must be CURRENT_TIMESTAMP(3); the comment is left alone. */
    private static String withMillisecondTimestamps(String rest) {
        int comment = rest.toUpperCase(Locale.ROOT).indexOf(" COMMENT '");
        String head = comment < 0 ? rest : rest.substring(0, comment);
        String tail = comment < 0 ? "" : rest.substring(comment);
        return CURRENT_TIMESTAMP.matcher(head).replaceAll("current_timestamp(3)") + tail;
    }

    private static void addColumn(SchemaModel.Table table, String name, String definition, List<String> clauses,
            List<String> added) {
        if (table.column(name) == null) {
            clauses.add("ADD COLUMN " + Identifiers.quote(name) + " " + definition);
            added.add(name);
        }
    }

    private static void addIndex(SchemaModel.Table table, List<String> columns, List<String> clauses, List<String> indexed) {
        if (table.hasIndexStartingWith(columns)) {
            return;
        }
        String name = "idx_" + String.join("_", columns);
        for (int suffix = 2; table.indexes().containsKey(name); suffix++) {
            name = "idx_" + String.join("_", columns) + "_" + suffix;
        }
        clauses.add("ADD INDEX " + Identifiers.quote(name) + " ("
                + String.join(", ", columns.stream().map(Identifiers::quote).toList()) + ")");
        indexed.add(columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")");
    }

    private static Set<String> markers(SchemaModel.Table table) {
        Set<String> flags = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(table.comment() == null ? "" : table.comment());
        while (m.find()) {
            for (String flag : m.group(1).split(",")) {
                flags.add(flag.strip().toLowerCase(Locale.ROOT));
            }
        }
        return flags;
    }

    private static boolean matches(List<Pattern> patterns, String table) {
        return patterns.stream().anyMatch(p -> p.matcher(table).matches());
    }

    private static String key(String table, String column) {
        return (table + "." + column).toLowerCase(Locale.ROOT);
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        parent.put(find(parent, a), find(parent, b));
    }

    private static String find(Map<String, String> parent, String node) {
        String root = node;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
