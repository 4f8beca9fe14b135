package dev.rsx.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The latest {@code rsx:check} run as its {@code check.json} records it, for the site report. */
public sealed interface LatestCheck {

    /** rsx:check has not run in this project's build directory. */
    record Missing(Path file) implements LatestCheck {}

    /**
     * There is a file, but not a check report this plugin understands.
     *
     * @param reason why, as the end of a sentence, e.g. "it is not valid JSON (...)"
     */
    record Unreadable(Path file, String reason) implements LatestCheck {}

    /**
     * The run's summary, steps and findings.
     *
     * @param passed false when a finding blocked or a step failed
     */
    record Results(Instant startedAt, Duration duration, String toolVersion, boolean passed, long errors, long warnings,
            long waived, long files, long statements, List<Step> steps, List<RecordedFinding> findings)
            implements LatestCheck {

        public Results {
            steps = List.copyOf(steps);
            findings = List.copyOf(findings);
        }
    }

    /**
     * What one step of the check did.
     *
     * @param status {@code passed}, {@code failed} or {@code skipped}
     */
    record Step(String step, String status, String detail) {}

    /**
     * A finding as check.json records it.
     *
     * @param severity {@code error} or {@code warning}, as the run counted it
     * @param file the migration file, null for a finding on the live schema
     * @param line the line the finding points at, 0 when there is none
     * @param table the table concerned, null when there is none
     */
    record RecordedFinding(String ruleId, String severity, boolean waived, String file, int line, String table,
            String message) {

        /** {@code 001_create_users_table.sql:4}, or {@code table users} for a finding on the live schema. */
        public String location() {
            if (file != null) {
                return line > 0 ? file + ":" + line : file;
            }
            return table != null ? "table " + table : "";
        }
    }
}
