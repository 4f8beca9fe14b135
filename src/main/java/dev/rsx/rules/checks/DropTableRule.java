package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;
import java.util.List;
import java.util.Set;

/** {@code DROP TABLE} deletes the table and all its rows. Read lexically: the parser cannot read every form. */
public final class DropTableRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX501", Risk.DANGEROUS, "DROP TABLE deletes data",
            "Make sure nothing reads the table any more and its data is archived or no longer needed, then acknowledge"
                    + " the drop on the statement.",
            "-- rsx:allow-destructive replaced by order_events in 20251101, data archived to S3\nDROP TABLE legacy_order_log;");

    private static final Set<String> NOT_NAMES = Set.of("DROP", "TABLE", "TABLES", "IF", "EXISTS", "RESTRICT", "CASCADE",
            "WAIT", "NOWAIT");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        if (!statement.startsWith("DROP", "TABLE")) {
            return;
        }
        List<String> tables = statement.tokens().stream().filter(SqlToken::isName)
                .filter(t -> t.kind() == SqlToken.Kind.QUOTED_IDENTIFIER || !NOT_NAMES.contains(t.upper()))
                .map(SqlToken::name).toList();
        findings.add(DEFINITION, statement, null, String.join(", ", tables), "Drops " + (tables.size() == 1 ? "table " : "tables ")
                + String.join(", ", tables) + " with every row in " + (tables.size() == 1 ? "it" : "them") + ".");
    }
}
