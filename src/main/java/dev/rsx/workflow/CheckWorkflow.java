package dev.rsx.workflow;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.LiquibaseScope;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrateResult;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationDirectory;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.engine.MigrationFailedException;
import dev.rsx.engine.MigrationState;
import dev.rsx.engine.MigrationStatus;
import dev.rsx.engine.ProjectException;
import dev.rsx.engine.StatusReport;
import dev.rsx.integrity.IntegrityFile;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.normalize.SchemaNormalizer;
import dev.rsx.report.CheckReport.StepOutcome;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.Findings;
import dev.rsx.rules.IntegrityFindings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.LiveSchemaCheck;
import dev.rsx.rules.RuleCatalog;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.StaticCheck;
import dev.rsx.schema.SchemaInventory;
import dev.rsx.server.ThrowawayDatabase;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rsx:check}: what CI runs in {@code verify}. Three steps, each reporting findings rather than stopping at the
 * first: the static rules and {@code rsx.sum} (no database); every migration applied from empty to a scratch
 * database, normalized and held to the live-schema rules; and, when a live database is configured, drift between
 * it and the files. Destructive changes are warnings here: acknowledging them is the deploying run's business.
 */
public final class CheckWorkflow {

    /**
     * Where the scratch database of step 2 comes from.
     *
     * @param server a server to create a scratch schema on ({@code rsx.check.url}); null for a fresh embedded MariaDB
     */
    public record DevDatabase(Path binariesRoot, Path dataDir, ConnectionSettings server) {}

    /**
     * What a check needs.
     *
     * @param devDatabase null to skip step 2
     * @param normalize null when normalization is skipped
     * @param live the database to compare with the files (step 3), or null
     */
    public record Settings(Path migrationsDir, RulePolicy policy, DevDatabase devDatabase, NormalizeOptions normalize,
            ConnectionSettings live) {}

    /** Everything the check found, how each step went, and when it ran. */
    public record Outcome(CheckResult result, List<StepOutcome> steps, Instant startedAt, Duration elapsed) {}

    private final EngineLog log;

    public CheckWorkflow(EngineLog log) {
        this.log = log;
    }

    public Outcome run(Settings settings) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        List<StepOutcome> steps = new ArrayList<>();
        RulePolicy policy = settings.policy();
        MigrationDirectory.Contents contents = MigrationDirectory.inspect(settings.migrationsDir());
        MigrationChangeLog changeLog = LiquibaseScope.run(log, () -> MigrationChangeLog.of(settings.migrationsDir(),
                contents));
        CheckResult result = CheckResult.of(IntegrityFindings.ofDirectory(contents.problems(), policy))
                .plus(CheckResult.of(IntegrityFindings.of(IntegrityFile.check(changeLog),
                        policy)))
                .plus(LiquibaseScope.run(log, () -> new StaticCheck(policy).run(changeLog, changeLog.changeSets(),
                        KnownSchema.empty())));
        steps.add(step("static", result, policy, result.files() + " migrations, " + result.statements() + " statements"));
        log.info("[1/3] Static rules and " + IntegrityFile.NAME + "...    " + label(steps.get(0)));

        CheckResult dev = devDatabase(settings, changeLog, result, steps);
        result = result.plus(dev);
        log.info("[2/3] Migrating a scratch database... " + label(steps.get(1)));

        CheckResult drift = drift(settings, changeLog, policy, steps);
        result = result.plus(drift);
        log.info("[3/3] Drift against the live database... " + label(steps.get(2)));
        return new Outcome(result, List.copyOf(steps), startedAt, Duration.ofNanos(System.nanoTime() - started));
    }

    private CheckResult devDatabase(Settings settings, MigrationChangeLog changeLog, CheckResult staticResult,
            List<StepOutcome> steps) {
        RulePolicy policy = settings.policy();
        if (settings.devDatabase() == null) {
            steps.add(StepOutcome.skipped("dev-database", "rsx.check.devDatabase.skip is true"));
            return CheckResult.of(List.of());
        }
        if (!staticResult.blocking(policy).isEmpty()) {
            steps.add(StepOutcome.skipped("dev-database", "the static rules found errors; fix them first"));
            return CheckResult.of(List.of());
        }
        DevDatabase choice = settings.devDatabase();
        Findings findings = new Findings(policy);
        try (ThrowawayDatabase scratch = choice.server() != null
                ? ThrowawayDatabase.onServer(choice.server(), "rsx_check", false, log)
                : ThrowawayDatabase.embedded(choice.binariesRoot(), choice.dataDir(), "rsx_check", log)) {
            MigrateResult applied;
            try {
                applied = new MigrationEngine(log).migrate(scratch.connection(), changeLog, new MigrateOptions(Duration.ofMinutes(1)));
            } catch (MigrationFailedException e) {
                findings.add(RuleCatalog.APPLIES_FROM_EMPTY, e.fileName(), e.failedStatement().line(), null,
                        "Applying from empty failed at " + e.failedStatement().where(e.fileName()) + ": "
                                + e.serverMessage());
                CheckResult failed = CheckResult.of(findings.all());
                steps.add(step("dev-database", failed, policy, "on " + scratch.description()));
                return failed;
            }
            CheckResult live;
            try (Connection connection = DatabaseConnector.open(scratch.connection())) {
                // One reading of the tables for normalization and the live check, unless normalization changed them;
                // the foreign keys, whose reading opens every table, once.
                List<SchemaInventory.Table> tables = SchemaInventory.readTables(connection);
                boolean changed = settings.normalize() != null && !new SchemaNormalizer(EngineLog.silent())
                        .normalize(scratch.connection(), connection, settings.normalize(), tables).changedNothing();
                live = new LiveSchemaCheck(policy).run(connection, SchemaInventory.completing(tables, changed, connection),
                        table -> true, staticResult, settings.normalize());
            } catch (SQLException e) {
                throw new EnvironmentException("Cannot read the scratch database's schema: " + e.getMessage(), e);
            }
            steps.add(step("dev-database", live, policy, applied.applied().size() + " migrations applied on "
                    + scratch.description() + (settings.normalize() != null ? ", normalized" : "")));
            return live;
        }
    }

    private CheckResult drift(Settings settings, MigrationChangeLog changeLog, RulePolicy policy, List<StepOutcome> steps) {
        if (settings.live() == null) {
            steps.add(StepOutcome.skipped("drift", "no rsx.url: no live database to compare with"));
            return CheckResult.of(List.of());
        }
        StatusReport status = new MigrationEngine(log).status(settings.live(), changeLog);
        Findings findings = new Findings(policy);
        for (MigrationStatus row : status.inState(MigrationState.CHANGED)) {
            findings.add(RuleCatalog.DRIFT_CHANGED, row.fileName(), 0, null, row.fileName() + " was changed after it was"
                    + " applied to " + settings.live().url().masked() + " (applied: " + row.appliedChecksum()
                    + ", file: " + row.localChecksum() + ").");
        }
        for (MigrationStatus row : status.inState(MigrationState.FILE_MISSING)) {
            findings.add(RuleCatalog.DRIFT_MISSING, row.fileName(), 0, null, row.fileName() + " was applied to "
                    + settings.live().url().masked() + " but is no longer in the migrations directory.");
        }
        if (status.currentVersion() != null) {
            BigInteger newest = new BigInteger(status.currentVersion());
            status.pending().stream().filter(row -> new BigInteger(row.version()).compareTo(newest) < 0)
                    .forEach(row -> findings.add(RuleCatalog.OUT_OF_ORDER, row.fileName(), 0, null, row.fileName()
                            + " is pending, but the live database already applied the newer version " + newest + "."));
        }
        CheckResult result = CheckResult.of(findings.all());
        steps.add(step("drift", result, policy, status.pending().size() + " pending on " + settings.live().url().masked()));
        return result;
    }

    private static StepOutcome step(String name, CheckResult result, RulePolicy policy, String detail) {
        return result.blocking(policy).isEmpty() ? StepOutcome.passed(name, detail) : StepOutcome.failed(name, detail);
    }

    private static String label(StepOutcome step) {
        return switch (step.status()) {
            case PASSED -> "[OK] " + step.detail();
            case FAILED -> "[FAILED] " + step.detail();
            case SKIPPED -> "[SKIPPED] " + step.detail();
        };
    }

    /** Fails the build when the outcome has errors, or warnings with {@code failOnWarning}. */
    public static void requirePassed(Outcome outcome, RulePolicy policy, boolean failOnWarning, String summary) {
        boolean failed = outcome.result().errors(policy) > 0 || (failOnWarning && outcome.result().warnings(policy) > 0);
        if (failed) {
            throw new ProjectException("rsx:check failed: " + summary + (failOnWarning && outcome.result().errors(policy) == 0
                    ? " (rsx.check.failOnWarning is true)" : "") + ". Each finding above says what to change.");
        }
    }
}
