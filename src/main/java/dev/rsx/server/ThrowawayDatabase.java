package dev.rsx.server;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.snapshot.Snapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database that exists for one check or one integration-test run and is gone after it: a fresh embedded MariaDB
 * data directory, a MySQL container, or a new schema on a server the user names, dropped at the end. Nothing the user
 * keeps is touched either way.
 *
 * <p>{@link #close()} may be called from a shutdown hook while the build thread also closes it: it runs once.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    private final ConnectionSettings connection;
    private final String description;
    private final Runnable disposal;
    private boolean closed;

    /**
     * @param disposal stops or drops the database, the normal way
     * @param atExit what the JVM's shutdown does when {@link #close()} was never called (see {@link ShutdownGuard})
     */
    private ThrowawayDatabase(ConnectionSettings connection, String description, Runnable disposal, Runnable atExit) {
        this.connection = connection;
        this.description = description;
        this.disposal = disposal;
        ShutdownGuard.register(this, atExit);
    }

    /**
     * A fresh embedded MariaDB on a random free port whose data directory is {@code dataDir}, deleted before and after.
     * A server a killed build left running on that directory is stopped first.
     */
    public static ThrowawayDatabase embedded(Path binariesRoot, Path dataDir, String database, EngineLog log) {
        ManagedDatabase server = ManagedDatabase.openFresh(new DatabaseTarget.Embedded(binariesRoot, dataDir, database), log);
        String version = server.embeddedServer().map(EmbeddedMariaDb::version).orElse("");
        Path lockFile = ServerFiles.lockFileOf(dataDir);
        EngineLog quiet = EngineLog.silent();
        Runnable atExit = () -> {
            EmbeddedMariaDb.stopLeftoverServers(dataDir, quiet);
            ServerFiles.deleteData(dataDir);
            ServerFiles.deleteTree(lockFile);
        };
        // The lock file goes last, once released: a build waiting on it then takes a new one, as on a first start.
        return new ThrowawayDatabase(server.connection(), "embedded MariaDB " + version + " (fresh data directory)", () -> {
            server.close();
            ServerFiles.deleteTree(lockFile);
        }, atExit);
    }

    /**
     * A new schema named {@code prefix} plus a unique suffix on the server of {@code server} (its database part is
     * ignored), dropped on close with any snapshots taken of it unless {@code keep}.
     */
    public static ThrowawayDatabase onServer(ConnectionSettings server, String prefix, boolean keep, EngineLog log) {
        String name = prefix + "_" + Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid();
        ConnectionSettings schema = new ConnectionSettings(server.url().withDatabase(name), server.username(), server.password());
        try (Connection connection = DatabaseConnector.openServer(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot create database " + name + " on " + server.url().hostAndPort() + ": "
                    + e.getMessage() + ". The user needs CREATE and DROP privileges there.", e);
        }
        Runnable drop = () -> {
            if (keep) {
                log.info("Database " + name + " on " + server.url().hostAndPort() + " is kept (rsx.keepDatabase).");
                return;
            }
            dropSnapshots(schema, log);
            try (Connection c = DatabaseConnector.openServer(server); Statement statement = c.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (SQLException e) {
                throw new EnvironmentException("Could not drop database " + name + " on " + server.url().hostAndPort()
                        + ": " + e.getMessage() + ". Drop it by hand.", e);
            }
        };
        return new ThrowawayDatabase(schema, "database " + name + " on " + server.url().hostAndPort(), drop, drop);
    }

    /**
     * A database in a container, stopped and removed on close. At exit Testcontainers' own reaper removes it, so the
     * shutdown has nothing to do.
     */
    static ThrowawayDatabase inContainer(ConnectionSettings connection, String description, Runnable stop) {
        return new ThrowawayDatabase(connection, description, stop, () -> {});
    }

    public ConnectionSettings connection() {
        return connection;
    }

    /** Where the database is, safe to print. */
    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ShutdownGuard.unregister(this);
        disposal.run();
    }

    /** Snapshots of a schema live in schemas of their own, which dropping the schema leaves behind. */
    private static void dropSnapshots(ConnectionSettings schema, EngineLog log) {
        LogicalSnapshot snapshots = new LogicalSnapshot(schema);
        for (Snapshot snapshot : snapshots.list()) {
            snapshots.drop(snapshot.name(), log);
        }
    }
}
