package dev.rsx.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one {@code rsx:migrate} run did, for the Markdown and JSON reports written after it (seed 002's migration
 * report): summary, snapshot, each migration, schema changes, data impact, destructive changes and rule warnings, and
 * the resulting schema as a diagram.
 *
 * @param database where the run went, safe to print (no password)
 * @param failure what went wrong, as the build printed it; null on success
 * @param snapshot null when the run took none (debug and production mode, or nothing pending)
 * @param schemaChanges null when the schema could not be read (the server went away)
 * @param diagram the resulting schema as a Mermaid ER diagram; null when the schema could not be read
 */
public record MigrateReport(Instant startedAt, Duration duration, String database, String mode, Outcome outcome,
        String failure, SnapshotUse snapshot, List<Migration> migrations, SchemaDiff schemaChanges,
        List<String> normalization, List<RowCount> dataImpact, List<Rule> destructiveChanges, List<Rule> warnings,
        String diagram) {

    public enum Outcome {
        SUCCESS("success"), FAILED_RESTORED("failed and restored"), FAILED("failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** @param restoreTime null when the snapshot was not restored */
    public record SnapshotUse(String name, String strategy, long sizeBytes, Duration takeTime, Duration restoreTime) {}

    /**
     * A migration the run had pending.
     *
     * @param duration null for one that did not run
     * @param failedStatement the statement the server refused, with its line; null unless {@code state} is FAILED
     */
    public record Migration(String version, String file, String description, int statements, Duration duration,
            MigrationOutcome state, Integer failedLine, String failedStatement, String serverMessage) {}

    public enum MigrationOutcome {
        APPLIED("applied"), UNDONE("applied, then undone by the restore"), FAILED("failed"), NOT_RUN("not run");

        private final String label;

        MigrationOutcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** @param before null for a table the run created; @param after null for one it dropped (or could not count) */
    public record RowCount(String table, Long before, Long after) {}

    /**
     * A rule finding the run reported without stopping.
     *
     * @param acknowledgement how a destructive change was acknowledged ({@code -- rsx:allow-destructive} and its reason,
     *     {@code rsx.allowDestructive}, or a development-mode warning); null for other warnings
     */
    public record Rule(String rule, String title, String location, String message, String acknowledgement) {}
}
