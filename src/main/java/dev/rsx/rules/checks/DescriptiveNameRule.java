package dev.rsx.rules.checks;

import dev.rsx.engine.MigrationFile;
import dev.rsx.engine.MigrationName;
import dev.rsx.rules.Findings;
import dev.rsx.rules.MigrationFileRule;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.sql.MigrationStatement;
import java.util.List;

/** Seed 003's naming guidance for files already written: {@code 002_update.sql} says nothing of what it does. */
public final class DescriptiveNameRule implements MigrationFileRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.warning("RSX601", "Migration names say what they do",
            "Name the change and its table. Rename the file while it is not applied anywhere (then mvn rsx:hash);"
                    + " an applied migration keeps its name.",
            "20251121093000_add_status_to_orders.sql\n20251121093100_create_task_watchers_table.sql");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationFile file, String content, List<MigrationStatement> statements, Findings findings) {
        MigrationName.vagueness(file.description()).ifPresent(reason -> findings.add(DEFINITION, file.fileName(), 0, null,
                "The name '" + file.description() + "' is vague: " + reason + "."));
    }
}
