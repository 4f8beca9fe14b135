package dev.rsx.testing;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.server.EmbeddedMariaDb;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.FileUtils;

/**
 * The real servers tests run on: one embedded MariaDB per test JVM (always), and the external server named by
 * {@code RSX_TEST_JDBC_URL} when it is set. Every test gets a fresh database of its own.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedMariaDb embedded;

    private TestDatabases() {}

    /** The targets every database test runs on: "embedded", plus "external" when configured. */
    public static List<String> targets() {
        List<String> targets = new ArrayList<>(List.of("embedded"));
        if (externalUrl() != null) {
            targets.add("external");
        }
        return targets;
    }

    /** A new, empty database on {@code target}; dropped when closed. */
    public static TestDb fresh(String target) {
        ConnectionSettings server = "external".equals(target) ? externalServer() : embeddedServer();
        String name = "rsx_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(server, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String url = "jdbc:mysql://" + server.url().hostAndPort() + "/" + name;
        return new TestDb(target, new ConnectionSettings(JdbcUrl.parse(url), server.username(), server.password()));
    }

    public static synchronized EmbeddedMariaDb embedded() {
        if (embedded == null) {
            Path data = work().resolve("mariadb-" + ProcessHandle.current().pid());
            try {
                FileUtils.deleteDirectory(data.toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            embedded = EmbeddedMariaDb.start(binariesRoot(), data, EngineLog.silent());
        }
        return embedded;
    }

    /** Stops the shared server; called once when the test session ends. */
    static synchronized void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    public static Path work() {
        return Path.of(System.getProperty("rsx.test.work", "target/test-work")).toAbsolutePath();
    }

    public static Path binariesRoot() {
        return Path.of(System.getProperty("user.home"), ".rsx", "binaries");
    }

    private static ConnectionSettings embeddedServer() {
        return new ConnectionSettings(JdbcUrl.parse(embedded().jdbcUrl("")), "root", "");
    }

    private static ConnectionSettings externalServer() {
        JdbcUrl url = JdbcUrl.parse(externalUrl());
        return new ConnectionSettings(url, System.getenv().getOrDefault("RSX_TEST_DB_USER", "root"),
                System.getenv().getOrDefault("RSX_TEST_DB_PASSWORD", ""));
    }

    static String externalUrl() {
        String url = System.getProperty("rsx.test.jdbc.url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            url = System.getenv("RSX_TEST_JDBC_URL");
        }
        return url == null || url.isBlank() ? null : url;
    }

    static void execute(ConnectionSettings server, String sql) {
        try (Connection connection = DatabaseConnector.openServer(server); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
