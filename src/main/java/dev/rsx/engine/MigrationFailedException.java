package dev.rsx.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement of a migration failed on the server. Says which file and line, what the server said, and which
 * earlier statements of the same migration stayed committed: MySQL commits every DDL statement implicitly, so a
 * failed migration can be half applied; the statements after the last such commit were rolled back.
 */
public class MigrationFailedException extends ProjectException {

    private final String fileName;
    private final LocatedStatement failed;
    private final String serverMessage;
    private final List<LocatedStatement> committed;
    private final List<LocatedStatement> rolledBack;
    private final List<AppliedChangeSet> appliedBefore;
    private final Duration failedAfter;

    /**
     * @param appliedBefore the changesets the same run applied before this one failed
     * @param failedAfter how long the failing changeset ran until it failed
     */
    public MigrationFailedException(String fileName, LocatedStatement failed, String serverMessage,
            List<LocatedStatement> committed, List<LocatedStatement> rolledBack, List<AppliedChangeSet> appliedBefore,
            Duration failedAfter, Throwable cause) {
        super(describe(fileName, failed, serverMessage, committed, rolledBack), cause);
        this.fileName = fileName;
        this.failed = failed;
        this.serverMessage = serverMessage;
        this.committed = List.copyOf(committed);
        this.rolledBack = List.copyOf(rolledBack);
        this.appliedBefore = List.copyOf(appliedBefore);
        this.failedAfter = failedAfter;
    }

    /**
     * The failure of a migration's changeset, from the statements sent for it, the last of which failed. A changeset
     * runs in one transaction, but MySQL commits it implicitly at every DDL statement, and before a failing DDL
     * statement runs: an earlier statement stayed committed when such a commit followed it; the others were rolled
     * back with the failure.
     *
     * @param appliedBefore the changesets the same run applied before this one
     * @param failedAfter how long the changeset ran until it failed
     */
    static MigrationFailedException of(MigrationChangeLog.Source source, List<String> statementsSent, Throwable error,
            List<AppliedChangeSet> appliedBefore, Duration failedAfter) {
        SourceLines lines = new SourceLines(source.content());
        List<LocatedStatement> located = new ArrayList<>();
        for (String sql : statementsSent) {
            located.add(new LocatedStatement(lines.locate(sql), sql));
        }
        int failedAt = located.size() - 1;
        int committedUpTo = ImplicitCommit.causedBy(statementsSent.get(failedAt)) ? failedAt
                : lastCommitBefore(statementsSent, failedAt);
        return new MigrationFailedException(source.file().fileName(), located.get(failedAt), serverMessage(error),
                located.subList(0, committedUpTo), located.subList(committedUpTo, failedAt), appliedBefore, failedAfter,
                error);
    }

    /** How many statements before {@code failedAt} an implicit commit covered: up to and including the last DDL. */
    private static int lastCommitBefore(List<String> statements, int failedAt) {
        for (int i = failedAt - 1; i >= 0; i--) {
            if (ImplicitCommit.causedBy(statements.get(i))) {
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

    private static String describe(String fileName, LocatedStatement failed, String serverMessage,
            List<LocatedStatement> committed, List<LocatedStatement> rolledBack) {
        StringBuilder out = new StringBuilder(headline(fileName, failed, serverMessage));
        if (committed.isEmpty()) {
            out.append("  Nothing of this migration stayed committed: the database is as it was before it.\n");
        } else {
            out.append("  Already committed from this migration (MySQL DDL auto-commits; these stay applied):\n");
            list(out, committed);
        }
        if (!rolledBack.isEmpty()) {
            out.append("  Rolled back with the failure (no DDL committed them):\n");
            list(out, rolledBack);
        }
        out.append("  The migration is not recorded as applied. Fix ").append(fileName);
        if (!committed.isEmpty()) {
            out.append(", undo the committed statements above (or restore a snapshot)");
        }
        out.append(" and run mvn rsx:migrate again.");
        return out.toString();
    }

    private static void list(StringBuilder out, List<LocatedStatement> statements) {
        for (LocatedStatement statement : statements) {
            out.append("    line ").append(statement.line()).append(": ").append(statement.firstLine()).append('\n');
        }
    }

    private static String headline(String fileName, LocatedStatement failed, String serverMessage) {
        return "Migration " + fileName + " failed at " + failed.where(fileName) + ":\n" + failed.preview("    ")
                + "  Server said: " + serverMessage + "\n";
    }

    /** Which statement failed where, and what the server said, without what it left behind. */
    public String headline() {
        return headline(fileName, failed, serverMessage);
    }

    public String fileName() {
        return fileName;
    }

    public LocatedStatement failedStatement() {
        return failed;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public List<LocatedStatement> committedStatements() {
        return committed;
    }

    public List<LocatedStatement> rolledBackStatements() {
        return rolledBack;
    }

    public List<AppliedChangeSet> appliedBefore() {
        return appliedBefore;
    }

    public Duration failedAfter() {
        return failedAfter;
    }
}
