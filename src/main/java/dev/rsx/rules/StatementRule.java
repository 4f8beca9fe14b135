package dev.rsx.rules;

import dev.rsx.sql.MigrationStatement;

/** A rule that looks at one statement at a time, knowing the schema as it is just before the statement runs. */
public interface StatementRule {

    RuleDefinition definition();

    void check(MigrationStatement statement, KnownSchema schema, Findings findings);
}
