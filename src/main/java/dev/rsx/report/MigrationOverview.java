package dev.rsx.report;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.engine.MigrationStatus;
import dev.rsx.engine.StatusReport;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.ManagedDatabase;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Every migration with its state, as {@code rsx:status} computes it, for the site report. A report must not fail
 * the site because a database is down, so when the database cannot be reached the migration files are listed with
 * their state unknown and the reason.
 *
 * @param database where the states were read, or the database that could not be reached; safe to print
 * @param summary one sentence counting the states
 * @param unreachable why the database could not be reached, as a sentence; null when it was reached
 */
public record MigrationOverview(String database, List<Row> rows, String summary, String unreachable) {

    /** The state of a migration when the database could not be asked. */
    public static final String UNKNOWN = "unknown";

    public MigrationOverview {
        rows = List.copyOf(rows);
    }

    /**
     * One migration, or one changeset of a formatted changelog.
     *
     * @param state {@code applied}, {@code pending}, {@code changed}, {@code file missing} or {@link #UNKNOWN}
     * @param appliedAt null unless applied
     */
    public record Row(String version, String description, String fileName, String state, LocalDateTime appliedAt) {}

    /**
     * Reads the migrations of {@code migrationsDir} and their states on {@code target}; reads only, as rsx:status.
     *
     * @throws dev.rsx.engine.ProjectException when the migrations directory is invalid
     */
    public static MigrationOverview read(Path migrationsDir, DatabaseTarget target, EngineLog log) {
        MigrationChangeLog migrations = MigrationChangeLog.load(migrationsDir, log);
        try (ManagedDatabase database = ManagedDatabase.open(target, log)) {
            StatusReport status = new MigrationEngine(log).status(database.connection(), migrations);
            List<Row> rows = status.rows().stream().map(MigrationOverview::row).toList();
            return new MigrationOverview(database.description(), rows, status.summary(), null);
        } catch (EnvironmentException e) {
            String database = describe(target);
            String reason = "The database " + database + " could not be reached, so the state of every migration is"
                    + " unknown: " + e.getMessage();
            log.warn(reason);
            List<Row> rows = migrations.files().stream()
                    .map(file -> new Row(file.version(), file.description(), file.fileName(), UNKNOWN, null)).toList();
            String summary = rows.size() + " migration file" + (rows.size() == 1 ? "" : "s") + ", state unknown.";
            return new MigrationOverview(database, rows, summary, reason);
        }
    }

    private static Row row(MigrationStatus status) {
        return new Row(status.version(), status.description(), status.fileName(), status.state().label(),
                status.appliedAt());
    }

    /** Names the target before it is opened; the password never appears, the URL is masked. */
    private static String describe(DatabaseTarget target) {
        if (target instanceof DatabaseTarget.External external) {
            return external.settings().url().masked();
        }
        DatabaseTarget.Embedded embedded = (DatabaseTarget.Embedded) target;
        return embedded.database() + " on the embedded MariaDB (data in " + embedded.dataDir() + ")";
    }
}
