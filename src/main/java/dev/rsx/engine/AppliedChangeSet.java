package dev.rsx.engine;

import java.time.Duration;

/** A changeset this run applied, the version of its migration file, and how long it took. */
public record AppliedChangeSet(String fileName, String version, String changeSetId, Duration duration) {

    /**
     * The line the run logs for it, {@code label} naming the changeset, in columns; padded by hand: {@code String.format}
     * parses its pattern on every call, which shows in a cold JVM applying hundreds of small migrations.
     */
    String logLine(String label) {
        String millis = String.valueOf(duration.toMillis());
        return "  applied " + label + " ".repeat(Math.max(0, 56 - label.length()) + 1 + Math.max(0, 6 - millis.length()))
                + millis + " ms";
    }
}
