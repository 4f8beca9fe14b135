package dev.rsx.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liquibase.changelog.ChangeSet;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.FailedPrecondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.util.LiquibaseUtil;
import liquibase.util.StringUtil;

/**
 * Applies the changesets of plain SQL files over one connection as Liquibase's update would, minus its per-changeset
 * overhead: the statements exactly as Liquibase splits and sends them, then the tracking row Liquibase would write.
 * The row commits in the same transaction as the changeset's data changes, so a crash between the two cannot record a
 * migration whose rows are missing. Liquibase's executor spends three commits and about eight round trips on every
 * changeset besides its statements: most of the per-migration cost over a plain JDBC program (ADR 24). Preconditions
 * are checked as Liquibase checks them; a plain file's only ones are the rules' verdicts.
 */
final class PlainChangeSetRunner {

    private static final int MAX_DESCRIPTION = 250;
    /**
     * What Liquibase records as the description of a changeset made of one raw SQL change: that change's name. Asking
     * the changeset for it makes Liquibase introspect the change class's bean properties, about 80 classes loaded for
     * a constant.
     */
    private static final String RAW_SQL_DESCRIPTION = "sql";

    private final Connection connection;
    private final MigrationChangeLog changeLog;
    private final EngineLog log;

    PlainChangeSetRunner(Connection connection, MigrationChangeLog changeLog, EngineLog log) {
        this.connection = connection;
        this.changeLog = changeLog;
        this.log = log;
    }

    /**
     * Applies {@code changeSets} in order; must run inside {@link LiquibaseScope} and under the migration lock.
     *
     * @param checksums each changeset's checksum by {@link ChangeSetKey}
     * @throws MigrationFailedException when a statement fails; the changesets before it stay applied and recorded
     */
    List<AppliedChangeSet> run(List<ChangeSet> changeSets, Map<String, String> checksums) throws SQLException {
        String deploymentId = deploymentId();
        TrackingTable.create(connection);
        int order = TrackingTable.lastOrder(connection);
        List<AppliedChangeSet> applied = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (TrackingTable.Recorder tracking = TrackingTable.recorder(connection)) {
            for (ChangeSet changeSet : changeSets) {
                AppliedChangeSet done = apply(changeSet, new TrackingTable.Row(changeSet.getId(), changeSet.getAuthor(),
                        changeSet.getFilePath(), ++order, checksums.get(ChangeSetKey.of(changeSet)), RAW_SQL_DESCRIPTION,
                        StringUtil.limitSize(StringUtil.trimToEmpty(changeSet.getComments()), MAX_DESCRIPTION),
                        LiquibaseUtil.getBuildVersion(), deploymentId), tracking, applied);
                applied.add(done);
                log.info(done.logLine(changeSet.getFilePath()));
            }
        } catch (RuntimeException e) {
            restoreAutoCommit(autoCommit, e);
            throw e;
        }
        connection.setAutoCommit(autoCommit);
        return applied;
    }

    private AppliedChangeSet apply(ChangeSet changeSet, TrackingTable.Row row, TrackingTable.Recorder tracking,
            List<AppliedChangeSet> appliedBefore) {
        long started = System.nanoTime();
        checkPreconditions(changeSet);
        List<String> statements = statementsOf(changeSet);
        List<String> sent = new ArrayList<>();
        try {
            for (String sql : statements) {
                sent.add(sql);
                execute(sql);
            }
        } catch (SQLException e) {
            rollback(e);
            throw MigrationFailedException.of(changeLog.sourceOf(changeSet), sent, e, appliedBefore,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        try {
            tracking.record(row);
            connection.commit();
        } catch (SQLException e) {
            rollback(e);
            throw new EnvironmentException(changeSet.getFilePath() + " ran, but recording it in " + TrackingTable.NAME
                    + " failed: " + e.getMessage() + ". Its data changes were rolled back; DDL statements in it stayed"
                    + " committed, as MySQL commits them at once. Check the server and the table, undo what stayed"
                    + " committed (or restore a snapshot), and run mvn rsx:migrate again.", e);
        }
        return new AppliedChangeSet(changeSet.getFilePath(), changeLog.sourceOf(changeSet).file().version(),
                changeSet.getId(), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The preconditions of {@code changeSet}, as Liquibase's update checks them before the changeset runs: for a plain
     * file, the verdict of the rules on it ({@code RulePrecondition}), so a run that skipped the check still refuses it.
     */
    private void checkPreconditions(ChangeSet changeSet) {
        PreconditionContainer preconditions = changeSet.getPreconditions();
        if (preconditions == null) {
            return;
        }
        try {
            preconditions.check(changeLog.dialect(), changeLog.liquibaseChangeLog(), changeSet, null);
        } catch (PreconditionFailedException e) {
            throw new ProjectException(e.getFailedPreconditions().stream().map(FailedPrecondition::getMessage)
                    .collect(Collectors.joining("; ")) + ". Nothing of it ran.", e);
        } catch (PreconditionErrorException e) {
            throw new ProjectException("The preconditions of " + changeSet.getFilePath() + " could not be checked: "
                    + e.getMessage() + ". Nothing of it ran.", e);
        }
    }

    /** The SQL Liquibase would send for {@code changeSet}: its split, then the driver's escape translation. */
    private List<String> statementsOf(ChangeSet changeSet) {
        List<String> statements = new ArrayList<>();
        for (String sql : changeLog.statementsOf(changeSet)) {
            try {
                statements.add(connection.nativeSQL(sql));
            } catch (SQLException e) {
                throw new ProjectException(changeSet.getFilePath() + ": the JDBC driver cannot translate the '{...}'"
                        + " escape in " + SqlText.firstSqlLine(sql) + " (" + e.getMessage() + "). Nothing of it ran;"
                        + " fix the escape or write the SQL without it.", e);
            }
        }
        return statements;
    }

    /** As Liquibase's executor: a statement with a '?' is sent without JDBC escape processing. */
    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (sql.contains("?")) {
                statement.setEscapeProcessing(false);
            }
            statement.execute(sql);
        }
    }

    /** After a failure, on a connection that may be gone: the failure is what the user must see. */
    private void restoreAutoCommit(boolean autoCommit, RuntimeException failure) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void rollback(SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** As Liquibase's history service makes it: the last ten digits of the time in milliseconds. */
    private static String deploymentId() {
        String now = String.valueOf(System.currentTimeMillis());
        return now.substring(now.length() - 10);
    }
}
