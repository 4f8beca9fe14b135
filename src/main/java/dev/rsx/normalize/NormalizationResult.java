package dev.rsx.normalize;

import java.time.Duration;
import java.util.List;

/**
 * What normalization did (or, in a dry run, would do).
 *
 * @param statements every statement, in the order it ran
 * @param alterStatements how many ALTER TABLE statements that is
 */
public record NormalizationResult(List<TableChanges> tables, List<String> statements, int alterStatements,
        List<String> warnings, Duration elapsed, boolean dryRun) {

    public boolean changedNothing() {
        return tables.isEmpty();
    }
}
