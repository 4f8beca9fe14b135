package dev.rsx.rules.checks;

import dev.rsx.engine.MigrationFile;
import dev.rsx.rules.Findings;
import dev.rsx.rules.MigrationFileRule;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.sql.MigrationStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses {@code --rollback} blocks. Migrations run forward only: a failed development run is undone by the
 * snapshot, a mistake in production by a new migration. Down-SQL that is never run is never tested either.
 */
public final class ForwardOnlyRule implements MigrationFileRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX202", "Migrations are forward-only: no --rollback",
            "Delete the --rollback lines. Development runs are protected by snapshots (mvn rsx:rollback restores the"
                    + " one rsx:begin took); to undo a change that reached production, write a new migration.",
            "-- 20251121100000_drop_legacy_sessions.sql\nDROP TABLE legacy_sessions;");

    private static final Pattern ROLLBACK = Pattern.compile("(?i)^\\s*--\\s*rollback\\b.*");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationFile file, String content, List<MigrationStatement> statements, Findings findings) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (ROLLBACK.matcher(lines.get(i)).matches() && (i == 0 || !ROLLBACK.matcher(lines.get(i - 1)).matches())) {
                findings.add(DEFINITION, file.fileName(), i + 1, null,
                        "A rollback block: " + lines.get(i).strip());
            }
        }
    }
}
