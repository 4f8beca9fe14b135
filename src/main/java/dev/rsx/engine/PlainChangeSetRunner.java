package dev.rsx.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the changesets of plain SQL files over one connection as Liquibase's update would, minus its per-changeset
 * overhead: the statements exactly as Liquibase splits and sends them, then the tracking row Liquibase would write.
 * The row commits in the same transaction as the changeset's data changes, so a crash between the two cannot record a
 * migration whose rows are missing. Liquibase's executor spends three commits and about eight round trips on every
 * changeset besides its statements: most of the per-migration cost over a plain JDBC program (ADR 24). A plain file's
 * only precondition is the rules' verdict ({@link MigrationChangeSet#refusal}), checked here. Liquibase itself starts
 * only when a statement split is not remembered from an earlier run.
 */
final class PlainChangeSetRunner {

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
     * Applies {@code changeSets}, all of plain files, in order; must run under the migration lock.
     *
     * @param checksums each changeset's checksum by {@link ChangeSetKey}
     * @throws MigrationFailedException when a statement fails; the changesets before it stay applied and recorded
     */
    List<AppliedChangeSet> run(List<MigrationChangeSet> changeSets, Map<String, String> checksums) throws SQLException {
        String deploymentId = deploymentId();
        TrackingTable.create(connection);
        int order = TrackingTable.lastOrder(connection);
        List<AppliedChangeSet> applied = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (TrackingTable.Recorder tracking = TrackingTable.recorder(connection)) {
            for (MigrationChangeSet changeSet : changeSets) {
                AppliedChangeSet done = apply(changeSet, new TrackingTable.Row(changeSet.id(), changeSet.author(),
                        changeSet.filePath(), ++order, checksums.get(changeSet.key()), RAW_SQL_DESCRIPTION,
                        comments(changeSet.file()), LiquibaseVersion.VALUE, deploymentId), tracking, applied);
                applied.add(done);
                log.info(done.logLine(changeSet.filePath()));
            }
        } catch (RuntimeException e) {
            restoreAutoCommit(autoCommit, e);
            throw e;
        }
        connection.setAutoCommit(autoCommit);
        return applied;
    }

    private AppliedChangeSet apply(MigrationChangeSet changeSet, TrackingTable.Row row, TrackingTable.Recorder tracking,
            List<AppliedChangeSet> appliedBefore) {
        long started = System.nanoTime();
        changeSet.refusal().ifPresent(reason -> {
            throw new ProjectException(reason + ". Nothing of it ran.");
        });
        List<String> statements = statementsOf(changeSet);
        List<String> sent = new ArrayList<>();
        try {
            for (String sql : statements) {
                sent.add(sql);
                execute(sql);
            }
        } catch (SQLException e) {
            rollback(e);
            throw MigrationFailedException.of(changeSet.source(), sent, e, appliedBefore,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        try {
            tracking.record(row);
            connection.commit();
        } catch (SQLException e) {
            rollback(e);
            throw new EnvironmentException(changeSet.filePath() + " ran, but recording it in " + TrackingTable.NAME
                    + " failed: " + e.getMessage() + ". Its data changes were rolled back; DDL statements in it stayed"
                    + " committed, as MySQL commits them at once. Check the server and the table, undo what stayed"
                    + " committed (or restore a snapshot), and run mvn rsx:migrate again.", e);
        }
        return new AppliedChangeSet(changeSet.filePath(), changeSet.file().version(), changeSet.id(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * As Liquibase records a plain file's comments (the changeset's, its description), trimmed. Liquibase also cuts them
     * to the column's 250 characters, which a description never reaches: file names have at most 255 bytes.
     */
    private static String comments(MigrationFile file) {
        return file.description().strip();
    }

    /** The SQL Liquibase would send for {@code changeSet}: its split, then the driver's escape translation. */
    private List<String> statementsOf(MigrationChangeSet changeSet) {
        List<String> statements = new ArrayList<>();
        for (String sql : changeLog.statementsOf(changeSet)) {
            try {
                statements.add(connection.nativeSQL(sql));
            } catch (SQLException e) {
                throw new ProjectException(changeSet.filePath() + ": the JDBC driver cannot translate the '{...}'"
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
