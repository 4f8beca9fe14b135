package dev.rsx.rules.checks;

import dev.rsx.rules.ColumnType;
import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;

/**
 * Redefining a column with a narrower type truncates or rejects existing values. Both types are compared after
 * normalization, so rewriting a BIGINT column as INT (which normalization widens again) is not reported.
 */
public final class NarrowingRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX506", Risk.CAUTION, "Narrowing a column's type",
            "Check that every stored value fits the new type (SELECT MAX(CHAR_LENGTH(col)) …), then acknowledge the"
                    + " change on the statement; or keep the wider type.",
            "-- rsx:allow-destructive longest code is 12 characters (checked 2025-11-20)\n"
                    + "ALTER TABLE products MODIFY code VARCHAR(32) NOT NULL;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        for (AlterColumns.Written written : AlterColumns.of(statement)) {
            if (written.oldName() == null) {
                continue;
            }
            ColumnType before = schema.table(written.table()).flatMap(t -> t.column(written.oldName()))
                    .map(KnownSchema.Column::type).orElse(null);
            if (before == null) {
                continue;
            }
            String narrowing = before.normalized().narrowingTo(written.column().type().normalized());
            if (narrowing != null) {
                findings.add(DEFINITION, statement, statement.findName(written.oldName()).orElse(null), written.table(),
                        written.table() + "." + written.oldName() + ": " + narrowing + ".");
            }
        }
    }
}
