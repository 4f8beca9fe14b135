package dev.rsx.engine;

import java.time.Duration;
import java.util.List;

/**
 * What {@code migrate} did.
 *
 * @param applied the changesets this run applied, in order; empty when there was nothing to migrate
 * @param currentVersion the newest version the database has applied after the run, null if none
 */
public record MigrateResult(List<AppliedChangeSet> applied, String currentVersion, Duration elapsed) {

    public boolean nothingToMigrate() {
        return applied.isEmpty();
    }
}
