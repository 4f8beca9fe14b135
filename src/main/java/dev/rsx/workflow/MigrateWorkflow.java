package dev.rsx.workflow;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrateResult;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationChangeSet;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.engine.MigrationFailedException;
import dev.rsx.engine.MigrationFile;
import dev.rsx.engine.MigrationState;
import dev.rsx.engine.MigrationStatus;
import dev.rsx.engine.ProjectException;
import dev.rsx.engine.RsxException;
import dev.rsx.engine.StatusReport;
import dev.rsx.integrity.IntegrityFile;
import dev.rsx.integrity.IntegrityProblem;
import dev.rsx.normalize.NormalizationReport;
import dev.rsx.normalize.NormalizationResult;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.normalize.SchemaNormalizer;
import dev.rsx.report.ConsoleReport;
import dev.rsx.report.MigrateRecorder;
import dev.rsx.report.MigrateReportFiles;
import dev.rsx.rules.CheckCache;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.Finding;
import dev.rsx.rules.IntegrityFindings;
import dev.rsx.rules.LiveSchemaCheck;
import dev.rsx.rules.PendingMigrationsCheck;
import dev.rsx.rules.RuleOptions;
import dev.rsx.rules.RulePolicy;
import dev.rsx.schema.RowCounts;
import dev.rsx.schema.SchemaInventory;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.snapshot.SnapshotState;
import dev.rsx.snapshot.SnapshotStrategy;
import dev.rsx.sql.StatementReader;
import dev.rsx.sql.WrittenTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code rsx:migrate} as seed 000 runs it. In development mode: snapshot, migrate, check (normalize), commit (drop
 * the snapshot); when a migration or the check fails, the snapshot is restored, so a half-applied migration never
 * stays behind although MySQL commits every DDL statement. In debug and production mode migrations run directly.
 * Normalization runs in every mode.
 */
public final class MigrateWorkflow {

    /** The snapshot a development-mode run takes for itself; left behind only by a run that was killed. */
    static final String RUN_SNAPSHOT = "migrate-run";

    /**
     * What a run needs.
     *
     * @param normalize null to skip normalization
     * @param snapshots the snapshot strategy of this database; used for protection in development mode, and to
     *     detect an interrupted development run in the others
     * @param serializeRuns take the {@link RunLock} around the run; not with a strategy that stops the server (its
     *     session lock would die), where the embedded server's data-directory lock serialises runs instead
     */
    public record Settings(ConnectionSettings database, MigrationChangeLog migrations, MigrateOptions migrate,
            NormalizeOptions normalize, RuleOptions rules, ModeDecision mode, SnapshotStrategy snapshots,
            boolean serializeRuns) {}

    private final EngineLog log;
    private final Path reportDirectory;
    private final CheckCache checks;
    private final SchemaReadAhead schemaAhead;

    /** A workflow that writes no migration report and checks every run's pending migrations afresh. */
    public MigrateWorkflow(EngineLog log) {
        this(log, null, CheckCache.none());
    }

    /**
     * @param reportDirectory where the migration report of every run goes, however it ends; null for none
     * @param checks the rules' results of earlier runs
     */
    public MigrateWorkflow(EngineLog log, Path reportDirectory, CheckCache checks) {
        this(log, reportDirectory, checks, new SchemaReadAhead());
    }

    /**
     * @param schemaAhead the schema as the goal's first connection found it, when the goal read it ahead
     */
    public MigrateWorkflow(EngineLog log, Path reportDirectory, CheckCache checks, SchemaReadAhead schemaAhead) {
        this.log = log;
        this.reportDirectory = reportDirectory;
        this.checks = checks;
        this.schemaAhead = schemaAhead;
    }

    public MigrateResult run(Settings settings) {
        MigrateRecorder recorder = new MigrateRecorder(settings.database().url().masked(),
                settings.mode().mode().label() + " (" + settings.mode().reason() + ")");
        String failure = null;
        try {
            return run(settings, recorder);
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            throw e;
        } finally {
            if (reportDirectory != null) {
                writeReport(settings, recorder, failure);
            }
        }
    }

    private MigrateResult run(Settings settings, MigrateRecorder recorder) {
        if (settings.mode().mode() != Mode.DEVELOPMENT) {
            log.info(capitalized(settings.mode().mode().label()) + " mode (" + settings.mode().reason()
                    + "): no snapshot protection, migrations run directly.");
            // Files only: checked while the goal's first connection is still opening.
            List<IntegrityProblem> integrity = IntegrityFile.check(settings.migrations());
            PendingMigrationsCheck.Outcome checked;
            MigrateResult result;
            // One connection up to the migrations, which run last on it: their SQL may change its session (SET, USE).
            try (Connection connection = DatabaseConnector.open(settings.database())) {
                warnAboutInterruptedDevelopmentRun(settings.snapshots(), connection);
                StatusReport status = new MigrationEngine(log).status(connection, settings.migrations());
                if (upToDate(status, integrity)) {
                    return noOp(settings, status, recorder, connection);
                }
                settings.migrations().requireStatements(status);
                plan(settings, status, recorder);
                checkIntegrity(settings, status, integrity, recorder);
                checked = checkPending(settings, status, recorder, connection);
                result = migrate(settings, status, recorder, connection);
            } catch (SQLException e) {
                throw closeFailed(settings, e);
            }
            try (Connection connection = DatabaseConnector.open(settings.database())) {
                checkLiveSchema(settings, checked, result, recorder, connection,
                        normalizedSchema(settings, recorder, connection));
            } catch (SQLException e) {
                throw closeFailed(settings, e);
            }
            return result;
        }
        log.info("Development mode: using automatic snapshot protection (" + settings.mode().reason() + ")");
        // Files only, so the same before and under the run lock.
        List<IntegrityProblem> integrity = IntegrityFile.check(settings.migrations());
        try (Connection connection = DatabaseConnector.open(settings.database())) {
            if (settings.snapshots().find(RUN_SNAPSHOT, connection).isEmpty()) {
                // Decided again under the run lock when something is pending: another run may be applying it now.
                StatusReport status = new MigrationEngine(log).status(connection, settings.migrations());
                if (upToDate(status, integrity)) {
                    return noOp(settings, status, recorder, connection);
                }
            }
        } catch (SQLException e) {
            throw closeFailed(settings, e);
        }
        try (RunLock lock = settings.serializeRuns()
                ? RunLock.acquire(settings.database(), settings.migrate().lockTimeout(), log) : null) {
            return protectedRun(settings, integrity, recorder);
        }
    }

    private MigrateResult protectedRun(Settings settings, List<IntegrityProblem> integrity, MigrateRecorder recorder) {
        // Read before the run lock, which another run may have held while it changed the schema.
        schemaAhead.discard();
        SnapshotStrategy snapshots = settings.snapshots();
        recoverInterruptedRun(snapshots);
        StatusReport status;
        PendingMigrationsCheck.Outcome checked;
        boolean begun;
        Set<String> written;
        // Closed before the snapshot, which may stop the server.
        try (Connection connection = DatabaseConnector.open(settings.database())) {
            status = new MigrationEngine(log).status(connection, settings.migrations());
            // Refusals that need no database change come before the snapshot, which would only be restored again.
            settings.migrations().requireStatements(status);
            plan(settings, status, recorder);
            checkIntegrity(settings, status, integrity, recorder);
            checked = checkPending(settings, status, recorder, connection);
            if (status.pending().isEmpty()) {
                MigrateResult result = migrate(settings, status, recorder, connection);
                normalize(settings, recorder, connection, null);
                return result;
            }
            begun = snapshots.find(Snapshot.MIGRATION, connection).filter(s -> s.state() == SnapshotState.READY)
                    .isPresent();
            written = begun ? null : writtenTables(settings, checked, connection);
        } catch (SQLException e) {
            throw closeFailed(settings, e);
        }
        String snapshot = begun ? Snapshot.MIGRATION : RUN_SNAPSHOT;
        if (begun) {
            recorder.snapshotTaken(snapshots.find(Snapshot.MIGRATION).orElseThrow(), null);
            log.info("[1/4] Creating database snapshot...  [OK] using the snapshot taken by rsx:begin");
        } else {
            long started = System.nanoTime();
            Snapshot taken = snapshots.create(RUN_SNAPSHOT, written, log);
            recorder.snapshotTaken(taken, Duration.ofNanos(System.nanoTime() - started));
            log.info("[1/4] Creating database snapshot...  [OK]");
        }
        MigrateResult result;
        try {
            try (Connection connection = DatabaseConnector.open(settings.database())) {
                result = migrate(settings, status, recorder, connection);
            } catch (SQLException e) {
                throw closeFailed(settings, e);
            }
            log.info("[2/4] Running migrations...          [OK] " + result.applied().size() + " migration"
                    + (result.applied().size() == 1 ? "" : "s") + " applied");
            try (Connection connection = DatabaseConnector.open(settings.database())) {
                checkLiveSchema(settings, checked, result, recorder, connection,
                        normalizedSchema(settings, recorder, connection));
            } catch (SQLException e) {
                throw closeFailed(settings, e);
            }
            log.info("[3/4] Running schema quality check...[OK]");
        } catch (RsxException failure) {
            throw restoreAfter(failure, snapshots, snapshot, begun, recorder);
        }
        if (begun) {
            log.info("[4/4] Committing changes...          [OK] snapshot kept: run mvn rsx:commit to remove it");
        } else {
            snapshots.drop(RUN_SNAPSHOT, log);
            log.info("[4/4] Committing changes...          [OK] snapshot removed");
        }
        return result;
    }

    /** Closing is the only step of these blocks that throws SQLException; each step explains its own failures. */
    private static EnvironmentException closeFailed(Settings settings, SQLException e) {
        return new EnvironmentException("Closing the connection to " + settings.database().url().masked() + " failed: "
                + e.getMessage(), e);
    }

    /**
     * What the run can write: the tables the pending statements write and, since normalization follows them, the
     * tables it would change now. Null when a statement's reach cannot be bounded: the snapshot then copies every
     * table.
     */
    private Set<String> writtenTables(Settings settings, PendingMigrationsCheck.Outcome checked, Connection connection) {
        WrittenTables statements = checked.result().writtenTables();
        if (!statements.bounded()) {
            log.info("Snapshot of every table: the reach of " + statements.unboundedBy() + " cannot be bounded.");
            return null;
        }
        Set<String> written = new HashSet<>(statements.tables());
        if (settings.normalize() != null) {
            written.addAll(new SchemaNormalizer(log).tablesToChange(settings.database(), connection, settings.normalize()));
        }
        return written;
    }

    /**
     * Whether the run has nothing to do but normalize: every migration applied unchanged and the integrity file
     * content ({@code integrity} lists no problem). Such a run needs no snapshot and no run lock (applied migrations
     * never become pending again), and {@link MigrationEngine#status} decided it without Liquibase when earlier runs
     * left the checksums. Anything else takes the full run, which explains.
     */
    private static boolean upToDate(StatusReport status, List<IntegrityProblem> integrity) {
        return status.rows().stream().allMatch(row -> row.state() == MigrationState.APPLIED) && integrity.isEmpty();
    }

    private MigrateResult noOp(Settings settings, StatusReport status, MigrateRecorder recorder, Connection connection) {
        MigrateResult result = new MigrateResult(List.of(), status.currentVersion(), Duration.ZERO);
        recorder.applied(result.applied());
        logOutcome(result);
        // The report and normalization start from one reading of the schema, the one read ahead where there is one.
        SchemaInventory found = reportDirectory == null ? null : schemaFound(settings, connection);
        NormalizationResult normalized = normalize(settings, recorder, connection, found == null ? null : found.tables());
        if (reportDirectory != null) {
            recordSchemaFound(connection, normalized == null || normalized.changedNothing() ? found : null, recorder);
        }
        return result;
    }

    /**
     * Restores the snapshot and returns the failure to report: the original error (file, line, server message) and
     * what the restore did, since the statements the failure report calls committed are undone by it.
     */
    private RsxException restoreAfter(RsxException failure, SnapshotStrategy snapshots, String snapshot, boolean begun,
            MigrateRecorder recorder) {
        log.error("Migration failed! Automatically restoring the snapshot...");
        try {
            long started = System.nanoTime();
            snapshots.restore(snapshot, log);
            recorder.snapshotRestored(Duration.ofNanos(System.nanoTime() - started));
        } catch (RsxException restoreFailure) {
            failure.addSuppressed(restoreFailure);
            log.error("The snapshot could not be restored: " + restoreFailure.getMessage());
            log.error("It is kept. Restore it with: mvn rsx:snapshot -Drsx.snapshot.action=restore -Drsx.snapshot.name="
                    + snapshot);
            return failure;
        }
        log.info("Database restored to pre-migration state.");
        if (begun) {
            retakeBeginSnapshot(snapshots);
        }
        log.info("Fix your migration files and run `mvn rsx:migrate` again.");
        String message = (failure instanceof MigrationFailedException migration ? migration.headline() : failure.getMessage() + "\n")
                + "  Database restored to pre-migration state. Fix your migration files and run `mvn rsx:migrate` again.";
        return failure instanceof EnvironmentException
                ? new EnvironmentException(message, failure) : new ProjectException(message, failure);
    }

    /** The restore consumed the rsx:begin snapshot; the user's next attempt needs it again. */
    private void retakeBeginSnapshot(SnapshotStrategy snapshots) {
        try {
            snapshots.create(Snapshot.MIGRATION, log);
        } catch (RsxException e) {
            log.warn("The database is restored, but taking the rsx:begin snapshot again failed: " + e.getMessage()
                    + " Take it with mvn rsx:begin before your next attempt.");
        }
    }

    /** A run killed between snapshot and commit left its snapshot: restore it, or drop it if it is incomplete. */
    private void recoverInterruptedRun(SnapshotStrategy snapshots) {
        Optional<Snapshot> leftover = snapshots.find(RUN_SNAPSHOT);
        if (leftover.isEmpty()) {
            return;
        }
        Snapshot snapshot = leftover.get();
        if (snapshot.state() == SnapshotState.CREATING) {
            log.warn("Dropping the incomplete snapshot of an interrupted run (started " + snapshot.createdAt() + ").");
            snapshots.drop(RUN_SNAPSHOT, log);
            return;
        }
        log.warn("A previous rsx:migrate was interrupted (snapshot taken " + snapshot.createdAt() + "): restoring the"
                + " database to the state before it first.");
        snapshots.restore(RUN_SNAPSHOT, log);
        log.info("Database restored to pre-migration state.");
    }

    private void warnAboutInterruptedDevelopmentRun(SnapshotStrategy snapshots, Connection connection) {
        if (snapshots != null && snapshots.find(RUN_SNAPSHOT, connection).isPresent()) {
            log.warn("An interrupted development-mode run left its snapshot. To put the database back as it was before"
                    + " that run: mvn rsx:snapshot -Drsx.snapshot.action=restore -Drsx.snapshot.name=" + RUN_SNAPSHOT);
        }
    }

    /**
     * Acts on {@code problems}, the comparison of the migrations with {@code rsx.sum}, before anything runs. In
     * development mode what a developer does while writing a migration is recorded for them: starting {@code rsx.sum},
     * editing a migration that has not run yet, deleting one that never ran. A file that was never recorded, a
     * conflict, and anything in the other modes, stop the run: those are what the integrity file exists to catch.
     */
    private void checkIntegrity(Settings settings, StatusReport status, List<IntegrityProblem> problems,
            MigrateRecorder recorder) {
        Path directory = settings.migrations().directory();
        List<MigrationFile> files = settings.migrations().files();
        if (problems.isEmpty()) {
            return;
        }
        boolean development = settings.mode().mode() == Mode.DEVELOPMENT;
        Set<String> pending = status.pending().stream().map(MigrationStatus::fileName).collect(Collectors.toSet());
        Set<String> known = status.rows().stream().map(MigrationStatus::fileName).collect(Collectors.toSet());
        List<IntegrityProblem> recordable = development ? problems.stream().filter(p -> switch (p.kind()) {
            case MISSING -> true;
            case EDITED -> pending.contains(p.fileName());
            case REMOVED -> !known.contains(p.fileName());
            default -> false;
        }).toList() : List.of();
        List<IntegrityProblem> blocking = problems.stream().filter(p -> !recordable.contains(p)).toList();
        RulePolicy policy = policy(settings);
        CheckResult result = CheckResult.of(IntegrityFindings.of(blocking, policy));
        recorder.findings(result, policy);
        if (!result.blocking(policy).isEmpty()) {
            String summary = ConsoleReport.log(result, policy, log);
            throw new ProjectException("Migration validation failed (" + IntegrityFile.NAME + "): " + summary + " ("
                    + String.join(", ", result.blocking(policy).stream().map(f -> f.rule().id() + " at " + f.location())
                            .toList()) + "); nothing was run. Fix each as shown above, then run mvn rsx:migrate again.");
        }
        if (!recordable.isEmpty()) {
            IntegrityFile.record(directory, files);
            log.info("Recorded in " + IntegrityFile.NAME + " (development mode): " + String.join(", ", recordable.stream()
                    .map(p -> p.kind() == IntegrityProblem.Kind.MISSING ? "started recording " + files.size() + " migrations"
                            : p.fileName() + (p.kind() == IntegrityProblem.Kind.EDITED ? " (edited, not applied yet)"
                                    : " (removed, never applied)")).toList()) + ". Commit it with the migrations.");
        }
    }

    /**
     * Runs the rules on the pending migrations, starting from the database's schema, and stops before anything executes
     * when a finding blocks: an error, or outside development mode an unacknowledged destructive change. When the run
     * may go ahead, that schema and the row counts of the tables the migrations touch are the report's "before". Null
     * when nothing is pending.
     */
    private PendingMigrationsCheck.Outcome checkPending(Settings settings, StatusReport status, MigrateRecorder recorder,
            Connection connection) {
        if (status.pending().isEmpty()) {
            return null;
        }
        RulePolicy policy = policy(settings);
        try {
            SchemaInventory before = schemaAhead.take(connection);
            PendingMigrationsCheck.Outcome outcome = PendingMigrationsCheck.run(before, settings.migrations(), status,
                    policy, checks, log);
            CheckResult result = outcome.result();
            recorder.findings(result, policy);
            String summary = ConsoleReport.log(result, policy, log);
            List<Finding> blocking = result.blocking(policy);
            if (!blocking.isEmpty()) {
                boolean destructive = blocking.stream().anyMatch(f -> f.rule().destructive());
                throw new ProjectException("Migration validation failed: " + summary + " (" + String.join(", ",
                        blocking.stream().map(f -> f.rule().id() + " at " + f.location()).distinct().toList())
                        + "); nothing was run. Fix the migrations as shown above"
                        + (destructive ? "; acknowledge an intended destructive change with a comment --"
                                + " rsx:allow-destructive <reason> on the statement (or -Drsx.allowDestructive=true for"
                                + " the whole run)" : "")
                        + ", then run mvn rsx:migrate again.");
            }
            if (!result.findings().isEmpty()) {
                log.info("Rules: " + summary + "; nothing blocks the run.");
            }
            if (reportDirectory != null) {
                recordSchemaBefore(connection, before, outcome.touchedTables(), recorder);
            }
            return outcome;
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read the schema to check the pending migrations: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Holds what the run built to the rules that can be checked on the live schema: the tables it created or changed,
     * which includes every table a statement the parser could not read names. {@code after}, the schema as the
     * migrations and normalization left it, is also the report's "after", unless the run goes on to fail.
     */
    private void checkLiveSchema(Settings settings, PendingMigrationsCheck.Outcome checked, MigrateResult result,
            MigrateRecorder recorder, Connection connection, SchemaInventory after) {
        if (checked == null || result.applied().isEmpty()) {
            return;
        }
        RulePolicy policy = policy(settings);
        Predicate<String> built = table -> !checked.tablesBefore().contains(table.toLowerCase(Locale.ROOT))
                || checked.touchedTables().contains(table.toLowerCase(Locale.ROOT));
        CheckResult live;
        try {
            live = new LiveSchemaCheck(policy).run(connection, after, built, checked.result(), settings.normalize());
            if (reportDirectory != null) {
                recordSchemaAfter(connection, after, recorder);
            }
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read the schema to check what the migrations built: " + e.getMessage(), e);
        }
        recorder.findings(live, policy);
        String summary = ConsoleReport.log(live, policy, log);
        if (!live.blocking(policy).isEmpty()) {
            throw new ProjectException("The schema the migrations built breaks the rules: " + summary + " ("
                    + String.join(", ", live.blocking(policy).stream().map(f -> f.rule().id() + " on " + f.location())
                            .distinct().toList()) + ")."
                    + (settings.mode().mode() == Mode.DEVELOPMENT ? ""
                            : " The migrations are applied: correct the schema with a new migration."));
        }
    }

    private static RulePolicy policy(Settings settings) {
        return settings.rules().policy(settings.mode().mode() == Mode.DEVELOPMENT);
    }

    /** Applies what {@code status}, read before, says is pending, as decided again under the migration lock. */
    private MigrateResult migrate(Settings settings, StatusReport status, MigrateRecorder recorder, Connection connection) {
        MigrateResult result;
        try {
            result = new MigrationEngine(log).migrate(connection, settings.migrations(), settings.migrate(), status);
        } catch (MigrationFailedException e) {
            recorder.failed(e);
            throw e;
        }
        recorder.applied(result.applied());
        logOutcome(result);
        return result;
    }

    private void logOutcome(MigrateResult result) {
        String version = result.currentVersion() == null ? "none" : result.currentVersion();
        if (result.nothingToMigrate()) {
            log.info("Nothing to migrate: the database is at version " + version + ".");
        } else {
            log.info(String.format("Applied %d migration%s in %.1f s; the database is at version %s.",
                    result.applied().size(), result.applied().size() == 1 ? "" : "s",
                    result.elapsed().toMillis() / 1000.0, version));
        }
    }

    /**
     * What normalization did to {@code tables}, the schema's tables as just read on {@code connection} (null:
     * normalization reads them); null when normalization is skipped.
     */
    private NormalizationResult normalize(Settings settings, MigrateRecorder recorder, Connection connection,
            List<SchemaInventory.Table> tables) {
        if (settings.normalize() == null) {
            log.info("Schema normalization skipped (rsx.normalize.skip is true).");
            return null;
        }
        SchemaNormalizer normalizer = new SchemaNormalizer(log);
        NormalizationResult result = tables == null
                ? normalizer.normalize(settings.database(), connection, settings.normalize())
                : normalizer.normalize(settings.database(), connection, settings.normalize(), tables);
        recorder.normalized(result);
        NormalizationReport.log(result, log);
        return result;
    }

    /**
     * Normalizes what the migrations left and returns the schema as it is then, for the live check and the report: one
     * reading of the tables serves all three, and they are read again only when normalization changed them. The
     * foreign keys, whose reading makes the server open every table, are read once, last.
     */
    private SchemaInventory normalizedSchema(Settings settings, MigrateRecorder recorder, Connection connection) {
        try {
            List<SchemaInventory.Table> tables = SchemaInventory.readTables(connection);
            NormalizationResult normalized = normalize(settings, recorder, connection, tables);
            return SchemaInventory.completing(tables, normalized != null && !normalized.changedNothing(), connection);
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read the schema to check what the migrations built: " + e.getMessage(), e);
        }
    }

    /**
     * The schema as a run that runs no migration found it, read ahead or now. Null when it cannot be read and only the
     * report needs it: the report reads it again and says why it has none.
     */
    private SchemaInventory schemaFound(Settings settings, Connection connection) {
        try {
            return schemaAhead.take(connection);
        } catch (SQLException e) {
            if (settings.normalize() == null) {
                return null;
            }
            throw new EnvironmentException("Cannot read the schema of " + settings.database().url().masked()
                    + " to normalize it: " + e.getMessage(), e);
        }
    }

    /** What the run has pending, before anything runs: the report lists each, whether it ran or not. */
    private void plan(Settings settings, StatusReport status, MigrateRecorder recorder) {
        if (reportDirectory == null) {
            return;
        }
        MigrationChangeLog migrations = settings.migrations();
        List<MigrationChangeSet> pending = migrations.pendingChangeSets(status);
        if (pending.isEmpty()) {
            return;
        }
        recorder.planned(pending.stream().map(changeSet -> new MigrateRecorder.Planned(changeSet.file().version(),
                changeSet.filePath(), changeSet.id(), changeSet.label(), changeSet.file().description().replace('_', ' '),
                StatementReader.count(migrations.statementsOf(changeSet)))).toList());
    }

    /**
     * The row counts of the tables the pending migrations touch, before they run, for the report's data impact. A
     * count that fails costs the report that section, never the run.
     */
    private void recordSchemaBefore(Connection connection, SchemaInventory schema, Set<String> touched,
            MigrateRecorder recorder) {
        try {
            recorder.schemaBefore(schema, RowCounts.of(connection, schema, touched));
        } catch (SQLException e) {
            recorder.schemaBefore(schema, Map.of());
            log.warn("The migration report has no row counts before the run: " + e.getMessage());
        }
    }

    /**
     * Writes the migration report of a run that ended, well or not. The schema after a successful run is the one its
     * live check read; after a failure (and a restore) it is read again. Reading it may fail too (the server went
     * away): the report then says so. A report that cannot be written is a warning: it must not hide how the run
     * itself ended.
     */
    private void writeReport(Settings settings, MigrateRecorder recorder, String failure) {
        if (failure != null || recorder.schemaAfter() == null) {
            try (Connection connection = DatabaseConnector.open(settings.database())) {
                recordSchemaAfter(connection, SchemaInventory.read(connection), recorder);
            } catch (SQLException | RsxException e) {
                warnNoSchemaAfter(e);
            }
        }
        try {
            Path written = MigrateReportFiles.write(reportDirectory, recorder.finish(failure));
            log.info("Migration report: " + written + " (and .json)");
        } catch (RsxException e) {
            log.warn("The migration report could not be written: " + e.getMessage());
        }
    }

    /**
     * The schema a run that ran no migration found, as the report's "after": {@code found}, what normalization read
     * and left as it was, or else read ahead or now (normalization took the reading ahead when it changed the schema
     * since).
     */
    private void recordSchemaFound(Connection connection, SchemaInventory found, MigrateRecorder recorder) {
        try {
            recordSchemaAfter(connection, found != null ? found : schemaAhead.take(connection), recorder);
        } catch (SQLException | RsxException e) {
            warnNoSchemaAfter(e);
        }
    }

    private void warnNoSchemaAfter(Exception e) {
        log.warn("The migration report has no schema after the run: " + e.getMessage());
    }

    /**
     * {@code schema} as the report's "after", with the row counts of the tables counted before and of those the run
     * created. A count that fails costs the report that section, never the run.
     */
    private void recordSchemaAfter(Connection connection, SchemaInventory schema, MigrateRecorder recorder) {
        Set<String> counted = new LinkedHashSet<>(recorder.countedTables());
        if (recorder.schemaBefore() != null) {
            Map<String, SchemaInventory.Table> before = recorder.schemaBefore().tablesByName();
            schema.tables().stream().map(SchemaInventory.Table::name).filter(t -> !before.containsKey(t))
                    .forEach(counted::add);
        }
        try {
            recorder.schemaAfter(schema, RowCounts.of(connection, schema, counted));
        } catch (SQLException e) {
            recorder.schemaAfter(schema, Map.of());
            log.warn("The migration report has no row counts after the run: " + e.getMessage());
        }
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
