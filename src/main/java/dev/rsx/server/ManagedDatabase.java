package dev.rsx.server;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.snapshot.DatadirSnapshot;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.snapshot.SnapshotState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The database a goal runs against, for the duration of the goal: for the embedded target the server is started
 * on open and stopped on close, for an external one nothing is started.
 */
public final class ManagedDatabase implements AutoCloseable {

    private final ConnectionSettings connection;
    private final EmbeddedMariaDb server;
    private final String description;
    /** What closing does after the embedded server stopped, while its data directory is still this process's. */
    private final Runnable afterStop;

    private ManagedDatabase(ConnectionSettings connection, EmbeddedMariaDb server, String description, Runnable afterStop) {
        this.connection = connection;
        this.server = server;
        this.description = description;
        this.afterStop = afterStop;
    }

    public static ManagedDatabase open(DatabaseTarget target, EngineLog log) {
        if (target instanceof DatabaseTarget.External external) {
            return new ManagedDatabase(external.settings(), null, external.settings().url().masked(), () -> {});
        }
        DatabaseTarget.Embedded embedded = (DatabaseTarget.Embedded) target;
        return start(embedded, () -> completeInterruptedRestore(embedded, log), () -> {}, log);
    }

    /**
     * The embedded server on an empty data directory, deleted again on close: a server a killed build left running
     * on it is stopped and the directory emptied, both while this process holds the directory, so another build that
     * uses it at the same moment is waited for, never disturbed.
     */
    public static ManagedDatabase openFresh(DatabaseTarget.Embedded target, EngineLog log) {
        Path dataDir = target.dataDir().toAbsolutePath().normalize();
        return start(target, () -> {
            EmbeddedMariaDb.stopLeftoverServers(dataDir, log);
            ServerFiles.deleteData(dataDir);
        }, () -> ServerFiles.deleteData(dataDir), log);
    }

    private static ManagedDatabase start(DatabaseTarget.Embedded embedded, Runnable beforeStart, Runnable afterStop,
            EngineLog log) {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(embedded.binariesRoot(), embedded.dataDir(), log, beforeStart);
        try {
            ConnectionSettings settings = new ConnectionSettings(JdbcUrl.parse(server.jdbcUrl(embedded.database())), "root", "");
            createIfMissing(settings);
            return new ManagedDatabase(settings, server, "embedded MariaDB " + server.version() + " on 127.0.0.1:"
                    + server.port() + ", database " + embedded.database() + " (data in " + embedded.dataDir() + ")",
                    afterStop);
        } catch (RuntimeException e) {
            server.close(afterStop);
            throw e;
        }
    }

    /**
     * A datadir restore killed mid-copy leaves a data directory no server may be started on: finish it first. Any
     * other leftover snapshot is the migrate workflow's to handle, with the server running.
     */
    private static void completeInterruptedRestore(DatabaseTarget.Embedded embedded, EngineLog log) {
        DatadirSnapshot offline = new DatadirSnapshot(embedded.dataDir(), DatadirSnapshot.snapshotsDirFor(embedded.dataDir()),
                embedded.database(), DatadirSnapshot.SERVER_NOT_RUNNING);
        for (Snapshot snapshot : offline.list()) {
            if (snapshot.state() == SnapshotState.RESTORING) {
                log.warn("The restore of snapshot '" + snapshot.name() + "' was interrupted; completing it before the"
                        + " embedded MariaDB starts.");
                offline.restore(snapshot.name(), log);
            }
        }
    }

    private static void createIfMissing(ConnectionSettings settings) {
        try (Connection connection = DatabaseConnector.openServer(settings);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + settings.database()
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot create database " + settings.database() + " on the embedded MariaDB: "
                    + e.getMessage(), e);
        }
    }

    public ConnectionSettings connection() {
        return connection;
    }

    /** Where the goal runs, safe to print. */
    public String description() {
        return description;
    }

    public Optional<EmbeddedMariaDb> embeddedServer() {
        return Optional.ofNullable(server);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close(afterStop);
        }
    }
}
