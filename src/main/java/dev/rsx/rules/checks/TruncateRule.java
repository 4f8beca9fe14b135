package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;

/** {@code TRUNCATE} deletes every row, cannot be rolled back, and resets AUTO_INCREMENT. */
public final class TruncateRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX503", Risk.DANGEROUS, "TRUNCATE deletes every row",
            "Delete only the rows that must go (DELETE … WHERE), or acknowledge that the table's whole content is"
                    + " disposable.",
            "-- rsx:allow-destructive cache table, rebuilt on start-up\nTRUNCATE TABLE search_cache;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        if (statement.startsWith("TRUNCATE")) {
            String table = statement.tokens().stream().skip(1).filter(SqlToken::isName).filter(t -> !t.is("TABLE"))
                    .map(SqlToken::name).findFirst().orElse("?");
            findings.add(DEFINITION, statement, null, table, "Deletes every row of " + table + ".");
        }
    }
}
