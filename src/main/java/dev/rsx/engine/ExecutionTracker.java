package dev.rsx.engine;

import java.sql.SQLException;
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
                AppliedChangeSet done = new AppliedChangeSet(changeSet.getFilePath(),
                        changeLog.sourceOf(changeSet).file().version(), changeSet.getId(), took);
                applied.add(done);
                log.info(String.format("  applied %-56s %6d ms", label(changeSet), took.toMillis()));
                current = null;
            }
        };
    }

    private String label(ChangeSet changeSet) {
        MigrationFile file = changeLog.sourceOf(changeSet).file();
        return file.formattedChangelog()
                ? file.fileName() + " (" + changeSet.getAuthor() + ":" + changeSet.getId() + ")"
                : file.fileName();
    }

    List<AppliedChangeSet> applied() {
        return List.copyOf(applied);
    }

    /**
     * Explains the failure of the changeset that was running. Liquibase runs a changeset in one transaction, but MySQL
     * commits it implicitly at every DDL statement, and before a failing DDL statement runs: an earlier statement
     * stayed committed when such a commit followed it; the others were rolled back with the failure.
     */
    MigrationFailedException failure(Throwable error) {
        if (current == null || statementsOfCurrent.isEmpty()) {
            return null;
        }
        MigrationChangeLog.Source source = changeLog.sourceOf(current);
        SourceLines lines = new SourceLines(source.content());
        List<LocatedStatement> located = new ArrayList<>();
        for (String sql : statementsOfCurrent) {
            located.add(new LocatedStatement(lines.locate(sql), sql));
        }
        int failedAt = located.size() - 1;
        int committedUpTo = ImplicitCommit.causedBy(statementsOfCurrent.get(failedAt)) ? failedAt : lastCommitBefore(failedAt);
        return new MigrationFailedException(source.file().fileName(), located.get(failedAt), serverMessage(error),
                located.subList(0, committedUpTo), located.subList(committedUpTo, failedAt), applied(),
                Duration.ofNanos(System.nanoTime() - startedAt), error);
    }

    /** How many statements before {@code failedAt} an implicit commit covered: up to and including the last DDL. */
    private int lastCommitBefore(int failedAt) {
        for (int i = failedAt - 1; i >= 0; i--) {
            if (ImplicitCommit.causedBy(statementsOfCurrent.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String serverMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return "(" + sql.getErrorCode() + ") " + sql.getMessage();
            }
        }
        return error.getMessage();
    }
}
