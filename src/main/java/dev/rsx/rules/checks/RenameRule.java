package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;

/**
 * Renaming a table or column loses no rows, but every query still using the old name fails from the moment the
 * migration runs until the new code is deployed (seed 002 classes renames as caution).
 */
public final class RenameRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX507", Risk.CAUTION, "Renaming a table or column",
            "Make sure no running code uses the old name (or deploy in steps: add the new column, copy, switch the"
                    + " code, drop the old one later), then acknowledge the rename.",
            "-- rsx:allow-destructive only the admin tool reads it and is deployed together with this\n"
                    + "ALTER TABLE users RENAME COLUMN username TO user_name;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        if (statement.parsed() instanceof RenameTableStatement rename) {
            rename.getTableNames().forEach(e -> findings.add(DEFINITION, statement,
                    statement.findName(e.getKey().getName()).orElse(null), KnownSchema.unquoted(e.getKey().getName()),
                    "Renames table " + KnownSchema.unquoted(e.getKey().getName()) + " to "
                            + KnownSchema.unquoted(e.getValue().getName()) + "."));
            return;
        }
        AlterColumns.eachOperation(statement, (table, expression) -> {
            String renamed = renamed(table, expression);
            if (renamed != null) {
                findings.add(DEFINITION, statement, null, table, renamed);
            }
        });
    }

    private static String renamed(String table, AlterExpression expression) {
        switch (expression.getOperation()) {
            case RENAME_TABLE:
                return "Renames table " + table + " to " + KnownSchema.unquoted(expression.getNewTableName()) + ".";
            case RENAME:
                return expression.getColumnOldName() == null ? null : "Renames column " + table + "."
                        + KnownSchema.unquoted(expression.getColumnOldName()) + " to "
                        + KnownSchema.unquoted(expression.getColumnName()) + ".";
            case CHANGE:
                if (expression.getColumnOldName() == null || expression.getColDataTypeList() == null) {
                    return null;
                }
                String from = KnownSchema.unquoted(expression.getColumnOldName());
                String to = KnownSchema.unquoted(expression.getColDataTypeList().get(0).getColumnName());
                return from.equalsIgnoreCase(to) ? null : "Renames column " + table + "." + from + " to " + to + ".";
            default:
                return null;
        }
    }
}
