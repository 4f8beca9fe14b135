package dev.rsx.engine;

import java.time.Duration;

/** A changeset this run applied, the version of its migration file, and how long it took. */
public record AppliedChangeSet(String fileName, String version, String changeSetId, Duration duration) {

    /** The line the run logs for it, {@code label} naming the changeset. */
    String logLine(String label) {
        return String.format("  applied %-56s %6d ms", label, duration.toMillis());
    }
}
