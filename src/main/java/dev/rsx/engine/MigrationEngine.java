package dev.rsx.engine;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.SessionLock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.RuntimeEnvironment;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.UpdateVisitor;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LockException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;

/**
 * Applies raw-SQL migrations with Liquibase Core, forward only. Deciding that nothing is pending takes one query
 * of the tracking table and the files' checksums. Pending plain SQL files run through {@link PlainChangeSetRunner},
 * which writes Liquibase's tracking rows itself; Liquibase's database layer, its lock and its history service are only
 * brought up for formatted changelogs (whose attributes only Liquibase implements) or a tracking table an older
 * Liquibase created. Liquibase itself starts only for what an earlier run did not leave: a checksum, a split.
 */
public final class MigrationEngine {

    private final EngineLog log;

    public MigrationEngine(EngineLog log) {
        this.log = log;
    }

    /**
     * The state of every migration; reads only, creates nothing. One query of the tracking table; Liquibase only
     * starts when a checksum is not known from an earlier run or a recorded one differs.
     */
    public StatusReport status(ConnectionSettings database, MigrationChangeLog changeLog) {
        return compare(changeLog, readTrackingTable(database));
    }

    /** {@link #status(ConnectionSettings, MigrationChangeLog)} over a connection the caller holds. */
    public StatusReport status(Connection connection, MigrationChangeLog changeLog) {
        return compare(changeLog, readTrackingTable(connection));
    }

    /**
     * Applies every pending migration in version order, after checking that no applied migration was changed or
     * removed.
     *
     * @throws MigrationFailedException when a statement fails; earlier migrations of the run stay applied
     * @throws ProjectException when the files are invalid or disagree with what the database applied
     */
    public MigrateResult migrate(ConnectionSettings database, MigrationChangeLog changeLog, MigrateOptions options) {
        try (Connection connection = DatabaseConnector.open(database)) {
            return migrate(connection, changeLog, options);
        } catch (SQLException e) {
            throw databaseFailed(e);
        }
    }

    /**
     * {@link #migrate(ConnectionSettings, MigrationChangeLog, MigrateOptions)} over a connection the caller holds. The
     * migrations' own SQL runs on it and may change its session ({@code SET}, {@code USE}): close it afterwards.
     */
    public MigrateResult migrate(Connection connection, MigrationChangeLog changeLog, MigrateOptions options) {
        return migrate(connection, changeLog, options, status(connection, changeLog));
    }

    /**
     * {@link #migrate(Connection, MigrationChangeLog, MigrateOptions)} for a caller that has just read {@code status}
     * with {@link #status(Connection, MigrationChangeLog)}. What is pending is read again under the migration lock
     * before anything runs, so {@code status} only spares the reading before the lock.
     */
    public MigrateResult migrate(Connection connection, MigrationChangeLog changeLog, MigrateOptions options,
            StatusReport status) {
        long started = System.nanoTime();
        try {
            requireConsistent(status, changeLog.directory());
            changeLog.requireStatements(status);
            if (status.pending().isEmpty()) {
                return new MigrateResult(List.of(), status.currentVersion(), Duration.ofNanos(System.nanoTime() - started));
            }
            boolean plainOnly = changeLog.pendingChangeSets(status).stream()
                    .noneMatch(changeSet -> changeSet.file().formattedChangelog());
            return plainOnly && TrackingTable.isCurrent(connection)
                    ? applyPlain(connection, changeLog, options, started)
                    : LiquibaseScope.run(log, () -> applyPending(connection, changeLog, options, started));
        } catch (SQLException e) {
            throw databaseFailed(e);
        }
    }

    private static EnvironmentException databaseFailed(SQLException e) {
        return new EnvironmentException("The database failed during the migration: " + e.getMessage() + ". Check the"
                + " server, then run mvn rsx:status to see what was applied and mvn rsx:migrate again.", e);
    }

    /**
     * Applies pending migrations that are all plain SQL files without Liquibase's executor ({@link PlainChangeSetRunner}),
     * under the same lock Liquibase takes (liquibase-sessionlock's {@code GET_LOCK} name), so either excludes the other.
     */
    private MigrateResult applyPlain(Connection connection, MigrationChangeLog changeLog, MigrateOptions options,
            long started) throws SQLException {
        String lock = (connection.getCatalog() + "." + TrackingTable.LOCK_NAME).toUpperCase(Locale.ROOT);
        if (!SessionLock.acquire(connection, lock, options.lockTimeout(), () -> log.info(waitingForLock(options)))) {
            throw lockTimedOut(options);
        }
        try {
            StatusReport status = decideAgain(connection, changeLog);
            if (status.pending().isEmpty()) {
                return new MigrateResult(List.of(), status.currentVersion(), Duration.ofNanos(System.nanoTime() - started));
            }
            Map<String, String> checksums = status.pending().stream().collect(Collectors.toMap(
                    row -> ChangeSetKey.of(row.fileName(), row.changeSetId(), MigrationChangeLog.AUTHOR),
                    MigrationStatus::localChecksum));
            List<AppliedChangeSet> applied;
            try {
                applied = new PlainChangeSetRunner(connection, changeLog, log).run(changeLog.pendingChangeSets(status),
                        checksums);
            } finally {
                changeLog.saveStatements();
            }
            return new MigrateResult(applied, newest(status.currentVersion(), applied),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            try {
                SessionLock.release(connection, lock);
            } catch (SQLException e) {
                // The lock dies with the connection, which migrate() closes next; the run's own outcome matters more.
            }
        }
    }

    private MigrateResult applyPending(Connection connection, MigrationChangeLog changeLog, MigrateOptions options,
            long started) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        LockService lock = LockServiceFactory.getInstance().getLockService(database);
        acquire(lock, options);
        try {
            ChangeLogHistoryService history = ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database);
            history.init();
            history.reset();
            history.generateDeploymentId();
            StatusReport status = decideAgain(connection, changeLog);
            if (status.pending().isEmpty()) {
                return new MigrateResult(List.of(), status.currentVersion(), Duration.ofNanos(System.nanoTime() - started));
            }
            refuseInLiquibase(changeLog, status);
            ExecutionTracker tracker = new ExecutionTracker(changeLog, log);
            try {
                Scope.child(tracker, () -> new ChangeLogIterator(changeLog.liquibaseChangeLog()).run(
                        new UpdateVisitor(database, tracker.execListener(), new ShouldRunChangeSetFilter(database)),
                        new RuntimeEnvironment(database, new Contexts(), new LabelExpression())));
            } catch (Exception e) {
                MigrationFailedException failure = tracker.failure(e);
                if (failure != null) {
                    throw failure;
                }
                throw e;
            }
            List<AppliedChangeSet> applied = tracker.applied();
            return new MigrateResult(applied, newest(status.currentVersion(), applied),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            lock.releaseLock();
        }
    }

    /**
     * Gives each pending changeset's refusal ({@link MigrationChangeSet#refusal}) to Liquibase as a precondition that
     * halts the update, since here Liquibase decides what runs.
     */
    private static void refuseInLiquibase(MigrationChangeLog changeLog, StatusReport status) {
        for (MigrationChangeSet changeSet : changeLog.pendingChangeSets(status)) {
            changeSet.refusal().ifPresent(reason ->
                    changeLog.liquibaseChangeSet(changeSet).setPreconditions(RefusalPrecondition.halting(reason)));
        }
    }

    /**
     * Takes Liquibase's lock (a GET_LOCK session lock, through liquibase-sessionlock), waiting up to the timeout. The
     * library's own wait counts in whole minutes, so the engine retries its short attempts itself.
     */
    private void acquire(LockService lock, MigrateOptions options) throws LockException {
        if (lock.acquireLock()) {
            return;
        }
        log.info(waitingForLock(options));
        long deadline = System.nanoTime() + options.lockTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (lock.acquireLock()) {
                return;
            }
        }
        throw lockTimedOut(options);
    }

    private static String waitingForLock(MigrateOptions options) {
        return "Another migration run holds the lock on this database; waiting up to " + options.lockTimeout().toSeconds()
                + " s for it to finish...";
    }

    private static EnvironmentException lockTimedOut(MigrateOptions options) {
        return new EnvironmentException("Gave up after " + options.lockTimeout().toSeconds() + " s waiting for the"
                + " migration lock: another rsx:migrate (or Liquibase update) is still running on this database. Let it"
                + " finish, or raise rsx.lockTimeout.");
    }

    /** Under the lock: another run may have applied migrations while this one waited for it. */
    private StatusReport decideAgain(Connection connection, MigrationChangeLog changeLog) {
        StatusReport status = status(connection, changeLog);
        requireConsistent(status, changeLog.directory());
        int pending = status.pending().size();
        log.info(pending == 0 ? "Another run applied the pending migrations while this one waited for the lock."
                : "Applying " + pending + " pending migration" + (pending == 1 ? "" : "s") + ":");
        return status;
    }

    /** The newest version after the run, from what was applied before it and what it applied: no second read. */
    private static String newest(String before, List<AppliedChangeSet> applied) {
        return Stream.concat(Stream.ofNullable(before), applied.stream().map(AppliedChangeSet::version))
                .max(Comparator.comparing(BigInteger::new)).orElse(null);
    }

    /** From the remembered checksums when they are all known, else computing them with Liquibase. */
    private StatusReport compare(MigrationChangeLog changeLog, List<AppliedMigration> applied) {
        return StatusReport.compareCached(changeLog, applied)
                .orElseGet(() -> LiquibaseScope.run(log, () -> compareComputing(changeLog, applied)));
    }

    private static StatusReport compareComputing(MigrationChangeLog changeLog, List<AppliedMigration> applied) {
        StatusReport status = StatusReport.compare(changeLog, applied);
        changeLog.saveChecksums();
        return status;
    }

    private static List<AppliedMigration> readTrackingTable(ConnectionSettings database) {
        try (Connection connection = DatabaseConnector.open(database)) {
            return readTrackingTable(connection);
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read the tracking table " + TrackingTable.NAME + ": " + e.getMessage(), e);
        }
    }

    private static List<AppliedMigration> readTrackingTable(Connection connection) {
        try {
            return TrackingTable.read(connection);
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read the tracking table " + TrackingTable.NAME + ": " + e.getMessage(), e);
        }
    }

    /** Refuses to run when the database applied something the files no longer say. */
    static void requireConsistent(StatusReport status, Path migrationsDir) {
        List<String> problems = new ArrayList<>();
        for (MigrationStatus row : status.inState(MigrationState.CHANGED)) {
            problems.add(row.fileName() + " was changed after it was applied.\n"
                    + "      applied to database: " + row.appliedChecksum() + "\n"
                    + "      resolved locally:    " + row.localChecksum() + "\n"
                    + "    Applied migrations must not change: the database ran the old text. Restore the applied"
                    + " version (git checkout) and put the change in a new migration (mvn rsx:new). If the edit"
                    + " changes no schema (a comment, whitespace), accept it with:\n"
                    + "      UPDATE " + TrackingTable.NAME + " SET MD5SUM = '" + row.localChecksum() + "' WHERE FILENAME = '"
                    + row.fileName() + "' AND ID = '" + row.changeSetId() + "';");
        }
        for (MigrationStatus row : status.inState(MigrationState.FILE_MISSING)) {
            problems.add(row.fileName() + " was applied" + (row.appliedAt() == null ? "" : " on " + row.appliedAt())
                    + " but is no longer in " + migrationsDir + ".\n"
                    + "    Migrations are forward-only and are never deleted or renamed once applied: restore the file"
                    + " under its old name (git log --diff-filter=DR --name-status -- " + migrationsDir.getFileName() + "),"
                    + " and undo its effect with a new migration if that is what you wanted.");
        }
        if (!problems.isEmpty()) {
            throw new ProjectException("Applied migrations disagree with the migration files (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "); nothing was run:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
