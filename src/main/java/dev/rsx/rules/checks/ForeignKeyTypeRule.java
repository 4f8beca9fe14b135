package dev.rsx.rules.checks;

import dev.rsx.rules.ColumnSpec;
import dev.rsx.rules.ColumnType;
import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Seed 001: "Foreign key columns must match the referenced column type exactly". Compared after normalization
 * ({@code INT} and {@code BIGINT} both end as {@code BIGINT}); a pair whose types the rules do not know yet is left
 * to the live check after the migration runs.
 */
public final class ForeignKeyTypeRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX401",
            "Foreign-key columns have the referenced column's type",
            "Declare the referencing column with the referenced column's type (ids are BIGINT), then add the key.",
            "ALTER TABLE orders ADD COLUMN user_id BIGINT NULL;\nALTER TABLE orders ADD CONSTRAINT orders_user_fk\n"
                    + "    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;");

    /** A foreign key a statement declares. */
    private record Reference(List<String> columns, String referencedTable, List<String> referencedColumns) {}

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        String table;
        Map<String, ColumnType> declared = new LinkedHashMap<>();
        List<Reference> references = new ArrayList<>();
        if (statement.parsed() instanceof CreateTable create && create.getColumnDefinitions() != null) {
            table = KnownSchema.unquoted(create.getTable().getName());
            for (ColumnDefinition definition : create.getColumnDefinitions()) {
                ColumnSpec column = ColumnSpec.of(definition);
                declared.put(column.name().toLowerCase(), column.type());
                inlineReference(column).ifPresent(references::add);
            }
            if (create.getIndexes() != null) {
                create.getIndexes().forEach(index -> reference(index).ifPresent(references::add));
            }
        } else if (statement.parsed() instanceof Alter alter && alter.getAlterExpressions() != null) {
            table = KnownSchema.unquoted(alter.getTable().getName());
            for (AlterExpression expression : alter.getAlterExpressions()) {
                if (expression.getColDataTypeList() != null) {
                    expression.getColDataTypeList().forEach(d -> declared.put(ColumnSpec.of(d).name().toLowerCase(),
                            ColumnSpec.of(d).type()));
                }
                reference(expression.getIndex()).ifPresent(references::add);
                if (expression.getFkColumns() != null && expression.getFkSourceTable() != null) {
                    references.add(new Reference(unquoted(expression.getFkColumns()), expression.getFkSourceTable(),
                            unquoted(expression.getFkSourceColumns())));
                }
            }
        } else {
            return;
        }
        for (Reference reference : references) {
            for (int i = 0; i < reference.columns().size() && i < reference.referencedColumns().size(); i++) {
                String column = reference.columns().get(i);
                ColumnType referencing = declared.containsKey(column.toLowerCase()) ? declared.get(column.toLowerCase())
                        : typeIn(schema, table, column);
                ColumnType referenced = KnownSchema.unquoted(reference.referencedTable()).equalsIgnoreCase(table)
                        && declared.containsKey(reference.referencedColumns().get(i).toLowerCase())
                        ? declared.get(reference.referencedColumns().get(i).toLowerCase())
                        : typeIn(schema, reference.referencedTable(), reference.referencedColumns().get(i));
                if (referencing == null || referenced == null) {
                    continue;
                }
                String mismatch = null;
                if (!referencing.normalized().describe().equals(referenced.normalized().describe())) {
                    mismatch = describeNormalized(referencing, referenced);
                } else if (refusedByServer(referencing, referenced)) {
                    mismatch = ": the server refuses the key when the statement runs, because normalization widens the"
                            + " columns only after the migrations ran; declare the column as "
                            + referenced.describe().toUpperCase();
                }
                if (mismatch != null) {
                    findings.add(DEFINITION, statement, statement.findName(column).orElse(null), table,
                            table + "." + column + " is " + referencing.describe().toUpperCase() + " but references "
                                    + KnownSchema.unquoted(reference.referencedTable()) + "."
                                    + reference.referencedColumns().get(i) + ", which is "
                                    + referenced.describe().toUpperCase() + mismatch + ".");
                }
            }
        }
    }

    /**
     * MySQL and MariaDB want integer and decimal key columns of the same size and sign (errno 150, error 3780); only
     * string lengths may differ.
     */
    private static boolean refusedByServer(ColumnType referencing, ColumnType referenced) {
        if (referencing.isInteger() && referenced.isInteger()) {
            return !referencing.base().equals(referenced.base()) || referencing.unsigned() != referenced.unsigned();
        }
        return referencing.base().equals("decimal") && !referencing.equals(referenced);
    }

    private static String describeNormalized(ColumnType referencing, ColumnType referenced) {
        return referencing.normalized().equals(referencing) && referenced.normalized().equals(referenced) ? ""
                : " (after normalization " + referencing.normalized().describe().toUpperCase() + " and "
                        + referenced.normalized().describe().toUpperCase() + ")";
    }

    private static ColumnType typeIn(KnownSchema schema, String table, String column) {
        return schema.table(table).flatMap(t -> t.column(column)).map(KnownSchema.Column::type).orElse(null);
    }

    private static Optional<Reference> reference(Index index) {
        if (index instanceof ForeignKeyIndex foreignKey && foreignKey.getTable() != null) {
            return Optional.of(new Reference(unquoted(foreignKey.getColumnsNames()), foreignKey.getTable().getName(),
                    unquoted(foreignKey.getReferencedColumnNames())));
        }
        return Optional.empty();
    }

    /** {@code parent_id BIGINT REFERENCES categories (id)}: the parser keeps it as words after the type. */
    private static Optional<Reference> inlineReference(ColumnSpec column) {
        List<String> specs = column.specs();
        for (int i = 0; i + 2 < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase("REFERENCES")) {
                String referenced = specs.get(i + 2).replaceAll("[()\\s]", "");
                return Optional.of(new Reference(List.of(column.name()), specs.get(i + 1), List.of(KnownSchema.unquoted(referenced))));
            }
        }
        return Optional.empty();
    }

    private static List<String> unquoted(List<String> names) {
        return names == null ? List.of() : names.stream().map(KnownSchema::unquoted).toList();
    }
}
