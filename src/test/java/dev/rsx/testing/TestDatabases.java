package dev.rsx.testing;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.server.EmbeddedMariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.io.FileUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The real servers tests run on: one embedded MariaDB per test JVM (always), the external server named by
 * {@code RSX_TEST_JDBC_URL} when it is set, and MySQL 8.4 in a container where a Docker engine runs. Every test
 * gets a fresh database of its own.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedMariaDb embedded;
    private static MySQLContainer<?> mysql;
    private static Boolean dockerAvailable;

    private TestDatabases() {}

    /** The targets every database test runs on: "embedded", plus "external" when configured. */
    public static List<String> targets() {
        List<String> targets = new ArrayList<>(List.of("embedded"));
        if (externalUrl() != null) {
            targets.add("external");
        }
        if (dockerAvailable()) {
            targets.add("mysql");
        }
        return targets;
    }

    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    /** A new, empty database on {@code target}; dropped when closed. */
    public static TestDb fresh(String target) {
        ConnectionSettings server = switch (target) {
            case "external" -> externalServer();
            case "mysql" -> mysqlServer();
            default -> embeddedServer();
        };
        String name = "rsx_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(server, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String query = server.url().url().contains("?") ? server.url().url().substring(server.url().url().indexOf('?')) : "";
        String url = "jdbc:mysql://" + server.url().hostAndPort() + "/" + name + query;
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

    private static synchronized ConnectionSettings mysqlServer() {
        if (mysql == null) {
            mysql = new MySQLContainer<>(ContainerImages.MYSQL);
            mysql.start();
        }
        return new ConnectionSettings(JdbcUrl.parse(mysql.getJdbcUrl()), "root", mysql.getPassword());
    }

    /** Stops the shared servers; called once when the test session ends. */
    static synchronized void stopServers() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (mysql != null) {
            mysql.stop();
            mysql = null;
        }
    }

    /** Settings of a server that is not there: a loopback port nothing listens on. */
    public static ConnectionSettings unreachable() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://127.0.0.1:" + socket.getLocalPort() + "/x"), "root", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code settings} with {@code name=value} added to the URL: a driver option for the connections of one test. */
    public static ConnectionSettings withDriverOption(ConnectionSettings settings, String name, String value) {
        String url = settings.url().url();
        return new ConnectionSettings(JdbcUrl.parse(url + (url.contains("?") ? "&" : "?") + name + "=" + value),
                settings.username(), settings.password());
    }

    public static Path work() {
        return Path.of(System.getProperty("rsx.test.work", "target/test-work")).toAbsolutePath();
    }

    /** A file of {@code directory} in the work directory that does not exist yet, its name starting with {@code name}. */
    public static Path newWorkFile(String directory, String name) throws IOException {
        return Files.createDirectories(work().resolve(directory)).resolve(name + "-" + System.nanoTime());
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
