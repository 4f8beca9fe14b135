package dev.rsx.rules.checks;

import dev.rsx.rules.ColumnSpec;
import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import java.util.List;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.Index;

/** Once a table has its id, a migration must not drop it, rename it, retype it or take its primary key away. */
public final class IdColumnChangeRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX102",
            "The id column and primary key stay as they are",
            "Leave id and the primary key alone: other tables, caches and URLs refer to it. To key rows by something"
                    + " else, add a UNIQUE index on those columns.",
            "ALTER TABLE orders ADD UNIQUE KEY uq_orders_number (order_number);");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        AlterColumns.eachOperation(statement, (table, expression) -> {
            String problem = problemOf(expression);
            if (problem != null) {
                findings.add(DEFINITION, statement, statement.findName("id").orElse(null), table,
                        "Table " + table + ": " + problem + ".");
            }
        });
    }

    private static String problemOf(AlterExpression expression) {
        String column = expression.getColumnName() == null ? null : KnownSchema.unquoted(expression.getColumnName());
        String oldName = expression.getColumnOldName() == null ? null : KnownSchema.unquoted(expression.getColumnOldName());
        switch (expression.getOperation()) {
            case DROP:
                return "id".equalsIgnoreCase(column) && expression.getIndex() == null ? "drops the id column" : null;
            case DROP_PRIMARY_KEY:
                return "drops the primary key";
            case RENAME:
                return "id".equalsIgnoreCase(oldName) ? "renames id to " + column : null;
            case CHANGE:
            case MODIFY:
                if (expression.getColDataTypeList() == null) {
                    return null;
                }
                for (var definition : expression.getColDataTypeList()) {
                    ColumnSpec spec = ColumnSpec.of(definition);
                    if ("id".equalsIgnoreCase(oldName) && !spec.name().equalsIgnoreCase("id")) {
                        return "renames id to " + spec.name();
                    }
                    if (spec.name().equalsIgnoreCase("id")) {
                        List<String> problems = RequiredIdRule.typeProblems(spec.type().base(), spec.explicitlyNullable(),
                                spec.autoIncrement());
                        return problems.isEmpty() ? null : "redefines id: " + String.join(", ", problems);
                    }
                }
                return null;
            case ADD:
                List<String> primaryKey = addedPrimaryKey(expression);
                return primaryKey != null && !(primaryKey.size() == 1 && primaryKey.get(0).equalsIgnoreCase("id"))
                        ? "adds a primary key on (" + String.join(", ", primaryKey) + ")" : null;
            default:
                return null;
        }
    }

    private static List<String> addedPrimaryKey(AlterExpression expression) {
        if (expression.getPkColumns() != null) {
            return expression.getPkColumns().stream().map(KnownSchema::unquoted).toList();
        }
        Index index = expression.getIndex();
        return index != null && "PRIMARY KEY".equalsIgnoreCase(index.getType())
                ? index.getColumnsNames().stream().map(KnownSchema::unquoted).toList() : null;
    }
}
