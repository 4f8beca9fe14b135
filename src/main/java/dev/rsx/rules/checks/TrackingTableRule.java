package dev.rsx.rules.checks;

import dev.rsx.engine.TrackingTable;
import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;
import java.util.Set;

/** Refuses statements that name the tracking tables: the history of what ran is the plugin's to write. */
public final class TrackingTableRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX304", "Do not touch the tracking tables",
            TrackingTable.NAME + " and " + TrackingTable.LOCK_NAME + " record which migrations ran; a migration that"
                    + " changes them makes the next run skip or repeat migrations. Remove the statement. To accept an"
                    + " edited migration, or see what ran, use the plugin's goals.",
            "mvn rsx:status\nmvn rsx:hash");

    private static final Set<String> NAMES = Set.of(TrackingTable.NAME.toUpperCase(), TrackingTable.LOCK_NAME.toUpperCase());

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        statement.tokens().stream().filter(SqlToken::isName).filter(t -> NAMES.contains(t.name().toUpperCase()))
                .findFirst().ifPresent(t -> findings.add(DEFINITION, statement, t, t.name(),
                        "The statement names the tracking table " + t.name() + "."));
    }
}
