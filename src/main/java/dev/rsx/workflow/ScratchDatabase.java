package dev.rsx.workflow;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.ManagedDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.io.FileUtils;

/**
 * An empty database that exists for one check and is gone after it: a fresh embedded MariaDB data directory, or a
 * new schema on a server the user names ({@code rsx.check.url}), dropped at the end. Nothing the user keeps is
 * touched either way.
 */
final class ScratchDatabase implements AutoCloseable {

    private final ConnectionSettings connection;
    private final ManagedDatabase embedded;
    private final Path dataDir;
    private final String description;

    private ScratchDatabase(ConnectionSettings connection, ManagedDatabase embedded, Path dataDir, String description) {
        this.connection = connection;
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.description = description;
    }

    /** A fresh embedded MariaDB whose data directory is {@code dataDir}, deleted before and after. */
    static ScratchDatabase embedded(Path binariesRoot, Path dataDir, EngineLog log) {
        delete(dataDir);
        ManagedDatabase database = ManagedDatabase.open(new DatabaseTarget.Embedded(binariesRoot, dataDir, "rsx_check"), log);
        return new ScratchDatabase(database.connection(), database, dataDir, "embedded MariaDB "
                + database.embeddedServer().map(s -> s.version()).orElse("") + " (fresh data directory)");
    }

    /** A new, uniquely named schema on the server of {@code server}; its database part is ignored. */
    static ScratchDatabase onServer(ConnectionSettings server) {
        String name = "rsx_check_" + Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid();
        ConnectionSettings scratch = new ConnectionSettings(server.url().withDatabase(name), server.username(), server.password());
        try (Connection connection = DatabaseConnector.open(withoutDatabase(server));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot create the scratch database " + name + " on " + server.url().hostAndPort()
                    + " for rsx:check: " + e.getMessage() + ". The check user needs CREATE and DROP privileges there.", e);
        }
        return new ScratchDatabase(scratch, null, null, "scratch database " + name + " on " + server.url().hostAndPort());
    }

    ConnectionSettings connection() {
        return connection;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            // The server's lock file and temporary directory sit next to its data directory.
            for (String sibling : new String[] {"", ".lock", ".tmp"}) {
                delete(dataDir.resolveSibling(dataDir.getFileName() + sibling));
            }
            return;
        }
        try (Connection c = DatabaseConnector.open(withoutDatabase(connection)); Statement statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + connection.database() + "`");
        } catch (SQLException e) {
            throw new EnvironmentException("Could not drop the scratch database " + connection.database() + ": "
                    + e.getMessage() + ". Drop it by hand.", e);
        }
    }

    /** The same server and credentials with no default database, to create and drop the scratch schema. */
    private static ConnectionSettings withoutDatabase(ConnectionSettings settings) {
        return new ConnectionSettings(settings.url().withDatabase(""), settings.username(), settings.password());
    }

    private static void delete(Path path) {
        try {
            if (path.toFile().exists()) {
                FileUtils.forceDelete(path.toFile());
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot delete the check database's files " + path + ": " + e.getMessage(), e);
        }
    }
}
