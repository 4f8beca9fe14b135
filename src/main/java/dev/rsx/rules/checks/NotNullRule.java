package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;

/**
 * Making a nullable column NOT NULL fails on rows that hold NULL, or, outside strict mode, silently replaces their
 * NULL with the type's zero value. Judged against the known schema: only a column known to be nullable counts.
 */
public final class NotNullRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX505", Risk.DANGEROUS,
            "Making a column NOT NULL", "Fill the NULLs first with the value they should have, in the same migration,"
                    + " then acknowledge the change.",
            "UPDATE orders SET note = '' WHERE note IS NULL;\n-- rsx:allow-destructive NULL notes were backfilled above\n"
                    + "ALTER TABLE orders MODIFY note VARCHAR(255) NOT NULL;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        for (AlterColumns.Written written : AlterColumns.of(statement)) {
            if (written.oldName() == null || !written.column().notNull()) {
                continue;
            }
            boolean wasNullable = schema.table(written.table()).flatMap(t -> t.column(written.oldName()))
                    .map(KnownSchema.Column::nullable).orElse(false);
            if (wasNullable) {
                findings.add(DEFINITION, statement, statement.findName(written.oldName()).orElse(null), written.table(),
                        written.table() + "." + written.oldName() + " accepts NULL and becomes NOT NULL: rows holding NULL"
                                + " make the statement fail, or get a zero value outside strict mode.");
            }
        }
    }
}
