package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import java.util.Set;

/**
 * Fixtures hold test data. A schema change there would make the test database differ from what the migrations build,
 * and each such statement commits implicitly, which would break the single transaction fixtures load in. Whole
 * databases and accounts are left to RSX301 and RSX303, which explain those.
 */
public final class FixtureDataOnlyRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX309",
            "Fixtures change data, not the schema (no CREATE, ALTER, DROP, RENAME or TRUNCATE)",
            "Put the schema change in a migration (mvn rsx:new -Dname=...), where the rules check it and every"
                    + " environment gets it. To empty a table in a fixture, use DELETE: TRUNCATE commits, and fixtures"
                    + " load in one transaction so that a failing fixture leaves no rows behind.",
            "-- src/test/fixtures/001_users.sql\nDELETE FROM users;\nINSERT INTO users (id, email) VALUES (1, 'ada@example.com');");

    private static final Set<String> SCHEMA_VERBS = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE");
    private static final Set<String> LEFT_TO_OTHER_RULES = Set.of("DATABASE", "SCHEMA", "USER", "ROLE");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        if (statement.tokens().isEmpty() || !SCHEMA_VERBS.contains(statement.tokens().get(0).upper())) {
            return;
        }
        boolean otherRule = statement.tokens().stream().limit(4).anyMatch(t -> LEFT_TO_OTHER_RULES.contains(t.upper()));
        if (!otherRule) {
            findings.add(DEFINITION, statement, null, null, "A fixture runs " + statement.tokens().get(0).upper()
                    + ": fixtures load test data into the schema the migrations built, and change nothing else.");
        }
    }
}
