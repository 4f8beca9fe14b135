package dev.rsx.rules.checks;

import dev.rsx.rules.ColumnSpec;
import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Seed 001's non-negotiable table structure: {@code id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY}, signed, the
 * only primary key. {@code INT} is accepted because normalization widens it. {@code UNSIGNED} is RSX103's.
 */
public final class RequiredIdRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX101",
            "Every table has id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY",
            "Give the table the standard id column as its only primary key; keep a natural or composite key as a"
                    + " UNIQUE index. For CREATE TABLE … AS SELECT, create the table first, then INSERT … SELECT.",
            "CREATE TABLE order_items (\n    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n    order_id BIGINT NOT NULL,\n"
                    + "    sku VARCHAR(64) NOT NULL,\n    UNIQUE KEY uq_order_items (order_id, sku)\n);");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        Optional<CreateTable> parsed = statement.parsedAs(CreateTable.class);
        if (parsed.isEmpty() || isTemporary(parsed.get())) {
            return;
        }
        CreateTable create = parsed.get();
        String table = KnownSchema.unquoted(create.getTable().getName());
        List<String> problems;
        if (create.getLikeTable() != null) {
            problems = schema.table(create.getLikeTable().getName()).map(RequiredIdRule::problemsOf).orElse(List.of());
        } else if (create.getColumnDefinitions() == null) {
            problems = List.of("CREATE TABLE … AS SELECT copies the selected columns but not an AUTO_INCREMENT primary key");
        } else {
            problems = problemsOf(create);
        }
        if (!problems.isEmpty()) {
            findings.add(DEFINITION, statement, statement.findName("id").orElse(null), table,
                    "Table " + table + ": " + String.join("; ", problems) + ".");
        }
    }

    private static boolean isTemporary(CreateTable create) {
        return create.getCreateOptionsStrings() != null
                && create.getCreateOptionsStrings().stream().anyMatch(o -> o.equalsIgnoreCase("TEMPORARY"));
    }

    private static List<String> problemsOf(CreateTable create) {
        ColumnSpec id = null;
        List<String> inlineKeys = new ArrayList<>();
        for (ColumnDefinition definition : create.getColumnDefinitions()) {
            ColumnSpec column = ColumnSpec.of(definition);
            if (column.name().equalsIgnoreCase("id")) {
                id = column;
            }
            if (column.primaryKey()) {
                inlineKeys.add(column.name());
            }
        }
        List<String> primaryKey = new ArrayList<>(inlineKeys);
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if ("PRIMARY KEY".equalsIgnoreCase(index.getType())) {
                    index.getColumnsNames().stream().map(KnownSchema::unquoted).forEach(primaryKey::add);
                }
            }
        }
        if (id == null) {
            return List.of("there is no id column");
        }
        List<String> problems = new ArrayList<>(typeProblems(id.type().base(), id.explicitlyNullable(), id.autoIncrement()));
        problems.addAll(primaryKeyProblems(primaryKey));
        return problems;
    }

    /** The same check on a table the schema knows, for {@code CREATE TABLE … LIKE}. */
    private static List<String> problemsOf(KnownSchema.Table table) {
        Optional<KnownSchema.Column> id = table.column("id");
        if (id.isEmpty()) {
            return List.of("it copies " + table.name() + ", which has no id column");
        }
        List<String> problems = new ArrayList<>(typeProblems(id.get().type().base(), id.get().nullable(), id.get().autoIncrement()));
        problems.addAll(primaryKeyProblems(table.primaryKey()));
        return problems.stream().map(p -> "like " + table.name() + ", " + p).toList();
    }

    /** What is wrong with an id column of this type, nullability and AUTO_INCREMENT; empty when nothing. */
    public static List<String> typeProblems(String base, boolean nullable, boolean autoIncrement) {
        List<String> problems = new ArrayList<>();
        if (!base.equals("bigint") && !base.equals("int")) {
            problems.add("id is " + base.toUpperCase() + ", not BIGINT");
        }
        if (nullable) {
            problems.add("id is declared NULL");
        }
        if (!autoIncrement) {
            problems.add("id is not AUTO_INCREMENT");
        }
        return problems;
    }

    /** What is wrong with this primary key for the id rule; empty when it is (id). */
    public static List<String> primaryKeyProblems(List<String> primaryKey) {
        if (primaryKey.isEmpty()) {
            return List.of("id is not the primary key (the table has none)");
        }
        if (primaryKey.size() == 1 && primaryKey.get(0).equalsIgnoreCase("id")) {
            return List.of();
        }
        return List.of("the primary key is (" + String.join(", ", primaryKey) + "), not id alone");
    }
}
