package dev.rsx.report;

import dev.rsx.rules.CheckResult;
import dev.rsx.rules.RulePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One rsx:check run, as the machine-readable reports ({@code check.json}, {@code check.sarif}) describe it.
 *
 * @param toolVersion the plugin's version
 * @param baseDirectory the project base directory, absolute; SARIF resolves the migration files against it
 * @param migrationsDirectory the migrations directory relative to {@code baseDirectory}, with forward slashes,
 *     e.g. {@code src/main/resources/db/migrations}; see {@link #relative(Path, Path)}
 * @param steps what each step of the check did, in the order they ran
 */
public record CheckReport(String toolVersion, Instant startedAt, Duration duration, Path baseDirectory,
        String migrationsDirectory, CheckResult result, RulePolicy policy, List<StepOutcome> steps) {

    public CheckReport {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
        migrationsDirectory = stripSlashes(migrationsDirectory.replace('\\', '/'));
        if (migrationsDirectory.startsWith("/") || migrationsDirectory.matches("[A-Za-z]:.*")) {
            throw new IllegalArgumentException("migrationsDirectory must be relative to the base directory: "
                    + migrationsDirectory);
        }
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(policy, "policy");
        steps = List.copyOf(steps);
    }

    /** {@code dir} relative to {@code baseDirectory} with forward slashes, as {@code migrationsDirectory} wants it. */
    public static String relative(Path baseDirectory, Path dir) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        return base.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** False when a finding blocks under the policy or a step failed. */
    public boolean passed() {
        return result.errors(policy) == 0
                && steps.stream().noneMatch(s -> s.status() == StepOutcome.Status.FAILED);
    }

    /** The path of a migration file relative to the base directory, e.g. {@code src/main/resources/db/migrations/x.sql}. */
    String migrationPath(String file) {
        return migrationsDirectory.isEmpty() ? file : migrationsDirectory + "/" + file;
    }

    private static String stripSlashes(String path) {
        String stripped = path;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        while (stripped.startsWith("./")) {
            stripped = stripped.substring(2);
        }
        return stripped.equals(".") ? "" : stripped;
    }

    /**
     * What one step of the check did.
     *
     * @param step {@code static}, {@code dev-database} or {@code drift}
     * @param detail one sentence for a reader, e.g. why the step was skipped
     */
    public record StepOutcome(String step, Status status, String detail) {

        public enum Status {
            PASSED, FAILED, SKIPPED;

            public String label() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public StepOutcome {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(status, "status");
            detail = detail == null ? "" : detail;
        }

        public static StepOutcome passed(String step, String detail) {
            return new StepOutcome(step, Status.PASSED, detail);
        }

        public static StepOutcome failed(String step, String detail) {
            return new StepOutcome(step, Status.FAILED, detail);
        }

        public static StepOutcome skipped(String step, String detail) {
            return new StepOutcome(step, Status.SKIPPED, detail);
        }
    }
}
