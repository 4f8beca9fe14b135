package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;

/**
 * Dropping a foreign key, unique key or check constraint lets data in that the schema kept out until now; seed 002
 * counts it as dangerous. Plain indexes only cost speed and are not reported.
 */
public final class DropConstraintRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX508", Risk.DANGEROUS,
            "Dropping a foreign key or constraint",
            "Make sure the application enforces what the constraint enforced, or replace it in the same migration, then"
                    + " acknowledge the drop.",
            "-- rsx:allow-destructive orders now reference customers, see 20251121093000\n"
                    + "ALTER TABLE orders DROP FOREIGN KEY orders_user_fk;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        AlterColumns.eachOperation(statement, (table, expression) -> {
            String what = dropped(expression);
            if (what != null) {
                findings.add(DEFINITION, statement, null, table, "Drops " + what + " of " + table + ".");
            }
        });
    }

    private static String dropped(AlterExpression expression) {
        if (expression.getOperation() == AlterOperation.DROP_FOREIGN_KEY) {
            return "foreign key " + name(expression.getConstraintName());
        }
        if (expression.getOperation() == AlterOperation.DROP_UNIQUE) {
            return "unique key " + name(expression.getConstraintName());
        }
        if (expression.getOperation() == AlterOperation.DROP && expression.getConstraintName() != null) {
            return "constraint " + name(expression.getConstraintName());
        }
        return null;
    }

    private static String name(String name) {
        return name == null ? "" : KnownSchema.unquoted(name);
    }
}
