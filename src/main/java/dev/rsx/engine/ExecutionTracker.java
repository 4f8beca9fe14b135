package dev.rsx.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.database.Database;
import liquibase.listener.SqlListener;

/**
 * Follows a Liquibase update statement by statement: which changeset runs, which statements of it the server
 * accepted, how long each changeset took. That is what turns a Liquibase failure into a file, a line and the
 * list of statements that already committed.
 */
final class ExecutionTracker extends SqlListener {

    private final MigrationChangeLog changeLog;
    private final EngineLog log;
    private final List<AppliedChangeSet> applied = new ArrayList<>();
    private final List<String> statementsOfCurrent = new ArrayList<>();
    private ChangeSet current;
    private long startedAt;

    ExecutionTracker(MigrationChangeLog changeLog, EngineLog log) {
        this.changeLog = changeLog;
        this.log = log;
    }

    @Override
    public void writeSqlWillRun(String sql) {
        if (current != null) {
            statementsOfCurrent.add(sql);
        }
    }

    ChangeExecListener execListener() {
        return new AbstractChangeExecListener() {
            @Override
            public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                    ChangeSet.RunStatus runStatus) {
                current = changeSet;
                statementsOfCurrent.clear();
                startedAt = System.nanoTime();
            }

            @Override
            public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                    ChangeSet.ExecType execType) {
                Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
                MigrationChangeSet ours = changeLog.changeSetOf(changeSet);
                AppliedChangeSet done = new AppliedChangeSet(ours.filePath(), ours.file().version(), ours.id(), took);
                applied.add(done);
                log.info(done.logLine(ours.label()));
                current = null;
            }
        };
    }

    List<AppliedChangeSet> applied() {
        return List.copyOf(applied);
    }

    /** Explains the failure of the changeset that was running; null when none was. */
    MigrationFailedException failure(Throwable error) {
        if (current == null || statementsOfCurrent.isEmpty()) {
            return null;
        }
        return MigrationFailedException.of(changeLog.changeSetOf(current).source(), statementsOfCurrent, error, applied(),
                Duration.ofNanos(System.nanoTime() - startedAt));
    }
}
