package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import net.sf.jsqlparser.statement.alter.AlterOperation;

/** {@code ALTER TABLE … DROP COLUMN} deletes the column's values in every row. */
public final class DropColumnRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX502", Risk.DANGEROUS, "DROP COLUMN deletes data",
            "Deploy code that no longer reads the column first; copy its values elsewhere if they are still needed;"
                    + " then acknowledge the drop on the statement.",
            "-- rsx:allow-destructive replaced by orders.status since release 4.2\nALTER TABLE orders DROP COLUMN legacy_state;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        AlterColumns.eachOperation(statement, (table, expression) -> {
            if (expression.getOperation() == AlterOperation.DROP && expression.getColumnName() != null
                    && expression.getIndex() == null && expression.getConstraintName() == null) {
                String column = KnownSchema.unquoted(expression.getColumnName());
                findings.add(DEFINITION, statement, statement.findName(column).orElse(null), table,
                        "Drops column " + table + "." + column + " and its value in every row.");
            }
        });
    }
}
