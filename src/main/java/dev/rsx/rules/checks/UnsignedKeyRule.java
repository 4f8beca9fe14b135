package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;

/**
 * Keys are signed: {@code id} is signed by seed 001, and a {@code *_id} column must match the id it refers to, or
 * the foreign key is refused (or, without one, joins compare mismatched ranges).
 */
public final class UnsignedKeyRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX103", "No UNSIGNED on id or *_id columns",
            "Remove UNSIGNED: ids are signed BIGINT everywhere, so every *_id column matches the id it refers to.",
            "ALTER TABLE orders ADD COLUMN customer_id BIGINT NULL;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        for (AlterColumns.Written written : AlterColumns.of(statement)) {
            String name = written.column().name().toLowerCase();
            if ((name.equals("id") || name.endsWith("_id")) && written.column().type().unsigned()) {
                findings.add(DEFINITION, statement, statement.findName(written.column().name()).orElse(null),
                        written.table(), written.table() + "." + written.column().name() + " is "
                                + written.column().type().describe().toUpperCase() + ".");
            }
        }
    }
}
