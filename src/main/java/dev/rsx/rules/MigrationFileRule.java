package dev.rsx.rules;

import dev.rsx.engine.MigrationFile;
import dev.rsx.sql.MigrationStatement;
import java.util.List;

/** A rule about a migration file as a whole: its name, its comments, the order of its statements. */
public interface MigrationFileRule {

    RuleDefinition definition();

    void check(MigrationFile file, String content, List<MigrationStatement> statements, Findings findings);
}
