package dev.rsx.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** The goals as Maven runs them: parameters in, log lines and the right exception kind out. */
class MojoTest {

    private final CapturingMavenLog log = new CapturingMavenLog();

    private static MavenProject project() {
        MavenProject project = new MavenProject();
        project.setArtifactId("my-shop.api");
        project.setFile(TestDatabases.work().resolve("project/pom.xml").toFile());
        project.getBuild().setDirectory(TestDatabases.work().resolve("project/target").toString());
        return project;
    }

    private <T extends AbstractDatabaseMojo> T configure(T mojo, ConnectionSettings db, MigrationsDir dir) {
        mojo.setLog(log);
        mojo.project = project();
        mojo.url = db.url().url();
        mojo.username = db.username();
        mojo.password = db.password();
        mojo.migrationsDir = dir.path().toFile();
        if (mojo instanceof MigrateMojo migrate) {
            migrate.reportDir = TestDatabases.work().resolve("mojo-reports").toFile();
        }
        return mojo;
    }

    @Test
    void migratePublishesTheCurrentVersionAndSaysNothingToMigrateOnTheSecondRun() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("mojo-migrate")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);");
            MigrateMojo first = configure(new MigrateMojo(), db.settings(), dir);
            first.lockTimeout = 60;
            first.execute();
            MigrateMojo second = configure(new MigrateMojo(), db.settings(), dir);
            second.lockTimeout = 60;
            second.execute();

            assertEquals("001", first.project.getProperties().getProperty("rsx.current"));
            assertTrue(log.lines().contains("[INFO] Nothing to migrate: the database is at version 001."), log.lines().toString());
        }
    }

    @Test
    void migrateGeneratesTheConstantsWhenAskedToInDevelopmentModeOnly() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("mojo-constants")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                            + " email VARCHAR(255) NOT NULL);");
            File output = TestDatabases.work().resolve("mojo-constants-" + System.nanoTime()).toFile();
            MigrateMojo production = configure(new MigrateMojo(), db.settings(), dir);
            production.lockTimeout = 60;
            production.mode = "production";
            production.generateConstants = true;
            production.constantsOutputDir = output;
            production.constantsClassName = "Tables";
            production.project.setGroupId("com.example");
            production.execute();
            assertFalse(output.exists(), "production mode generated constants");
            assertTrue(log.lines().contains("[INFO] No constants generated: rsx.migrate.constants is for development mode;"
                    + " in production mode use rsx:constants."), log.lines().toString());

            MigrateMojo development = configure(new MigrateMojo(), db.settings(), dir);
            development.lockTimeout = 60;
            development.mode = "development";
            development.generateConstants = true;
            development.constantsOutputDir = output;
            development.constantsClassName = "Tables";
            development.project.setGroupId("com.example");
            development.execute();

            String source = java.nio.file.Files.readString(output.toPath().resolve("com/example/db/Tables.java"));
            assertTrue(source.contains("public static final java.lang.String EMAIL = \"email\";"), source);
            assertEquals(List.of(output.getAbsolutePath()), development.project.getCompileSourceRoots());
        }
    }

    @Test
    void aFailingMigrationIsTheProjectsFault() {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("mojo-failing").write("001_broken.sql", "SELECT * FROM missing_table;");
            MigrateMojo mojo = configure(new MigrateMojo(), db.settings(), dir);
            mojo.lockTimeout = 60;

            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

            assertTrue(e.getMessage().startsWith("Migration 001_broken.sql failed at 001_broken.sql:1:"), e.getMessage());
        }
    }

    @Test
    void anUnreachableServerIsTheEnvironmentsFault() {
        ConnectionSettings nowhere = TestDatabases.unreachable();
        int closedPort = nowhere.url().port();
        MigrateMojo mojo = configure(new MigrateMojo(), nowhere, MigrationsDir.create("mojo-unreachable"));
        mojo.lockTimeout = 60;

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("Cannot reach the database server at 127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void statusFailsOnPendingOnlyWhenAskedTo() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("mojo-status")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);");
            configure(new StatusMojo(), db.settings(), dir).execute();
            assertTrue(log.lines().stream().anyMatch(l -> l.matches("\\[INFO] 001 +create_users_table +pending")),
                    log.lines().toString());

            StatusMojo gate = configure(new StatusMojo(), db.settings(), dir);
            gate.failOnPending = true;
            MojoFailureException e = assertThrows(MojoFailureException.class, gate::execute);
            assertTrue(e.getMessage().startsWith("1 migration is not applied (001_create_users_table.sql: pending)"), e.getMessage());
        }
    }

    @Test
    void migrateNormalizesAfterwardsAndNormalizeDryRunPrintsWithoutChanging() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("mojo-normalize")
                    .write("001_create_notes_table.sql", "CREATE TABLE notes (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, body TEXT);");
            MigrateMojo migrate = configure(new MigrateMojo(), db.settings(), dir);
            migrate.lockTimeout = 60;
            migrate.skipNormalize = true;
            migrate.execute();
            assertTrue(log.lines().contains("[INFO] Schema normalization skipped (rsx.normalize.skip is true)."), log.lines().toString());

            NormalizeMojo dryRun = configure(new NormalizeMojo(), db.settings(), dir);
            dryRun.normalizeDryRun = true;
            dryRun.execute();
            assertTrue(log.lines().contains("[INFO] Dry run: normalization would run 1 statement:"), log.lines().toString());
            assertEquals(List.of("int(11)"), db.column("SELECT column_type FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'notes' AND column_name = 'id'"));

            MigrateMojo again = configure(new MigrateMojo(), db.settings(), dir);
            again.lockTimeout = 60;
            again.execute();
            assertTrue(log.lines().contains("[INFO]   normalized notes: id int(11) -> bigint; body text -> longtext;"
                    + " added created_at, updated_at, created_by, updated_by; indexed created_at, updated_at"), log.lines().toString());
            assertTrue(log.lines().contains("[INFO] Normalized 1 table with 1 ALTER TABLE statement in " + log.lines().stream()
                    .filter(l -> l.startsWith("[INFO] Normalized 1 table")).findFirst().orElse("?")
                    .replaceAll(".* in ([0-9.]+) s\\.$", "$1") + " s."), log.lines().toString());
        }
    }

    @Test
    void skipRunsNothing() throws Exception {
        MigrateMojo mojo = new MigrateMojo();
        mojo.setLog(log);
        mojo.skip = true;

        mojo.execute();

        assertEquals(List.of("[INFO] Skipping rsx:migrate (rsx.skip is true)."), log.lines());
    }

    @Test
    void migrateAndFixturesUseTheDatabaseStartStartedAndStopDropsIt() throws Exception {
        ConnectionSettings server;
        try (TestDb db = TestDatabases.fresh("embedded")) {
            server = db.settings();
        }
        Map<Object, Object> pluginContext = new HashMap<>();
        MavenProject project = project();
        MigrationsDir migrations = MigrationsDir.create("mojo-start")
                .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                        + " email VARCHAR(255) NOT NULL);");
        MigrationsDir fixtures = MigrationsDir.create("mojo-start-fixtures")
                .writeUnrecorded("001_users.sql", "INSERT INTO users (email) VALUES ('ada@example.com');");
        File propertiesFile = TestDatabases.work().resolve("mojo-start-" + System.nanoTime()).resolve("database.properties").toFile();

        StartMojo start = inBuild(new StartMojo(), project, pluginContext);
        start.url = server.url().url();
        start.provider = "external";
        start.propertiesFile = propertiesFile;
        start.testDataDir = propertiesFile.toPath().resolveSibling("test-db").toFile();
        start.execute();
        String url = project.getProperties().getProperty("rsx.jdbc.url");
        ConnectionSettings started = new ConnectionSettings(JdbcUrl.parse(url), project.getProperties().getProperty(
                "rsx.jdbc.username"), project.getProperties().getProperty("rsx.jdbc.password"));
        assertTrue(started.database().startsWith("my_shop_api_it_"), url);
        assertTrue(propertiesFile.isFile());

        MigrateMojo migrate = inBuild(new MigrateMojo(), project, pluginContext);
        migrate.migrationsDir = migrations.path().toFile();
        migrate.lockTimeout = 60;
        migrate.skipReport = true;
        migrate.execute();
        FixturesMojo loadFixtures = inBuild(new FixturesMojo(), project, pluginContext);
        loadFixtures.fixturesDir = fixtures.path().toFile();
        loadFixtures.execute();

        try (Connection c = DatabaseConnector.open(started); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT email FROM users")) {
            assertTrue(rows.next());
            assertEquals("ada@example.com", rows.getString(1));
        }
        assertEquals(2, log.lines().stream().filter(l -> l.equals("[INFO] Database: " + started.url().masked())).count(),
                log.lines().toString());

        inBuild(new StopMojo(), project, pluginContext).execute();
        inBuild(new StopMojo(), project, pluginContext).execute();

        assertThrows(Exception.class, () -> DatabaseConnector.open(started).close(), "the database is dropped");
        assertEquals("[INFO] Nothing to stop: rsx:start did not start a database in this build.", log.lines().get(log.lines().size() - 1));
    }

    @Test
    void skipITsSkipsStartAndWithItTheGoalsThatWouldHaveUsedItsDatabase() throws Exception {
        Map<Object, Object> pluginContext = new HashMap<>();
        MavenProject project = project();
        StartMojo start = inBuild(new StartMojo(), project, pluginContext);
        start.skipITs = true;
        start.execute();
        inBuild(new MigrateMojo(), project, pluginContext).execute();
        inBuild(new StatusMojo(), project, pluginContext).execute();

        assertEquals(List.of("[INFO] Skipping rsx:start (skipITs is true).",
                "[INFO] Skipping rsx:migrate (rsx:start was skipped in this build, so there is no test database).",
                "[INFO] Skipping rsx:status (rsx:start was skipped in this build, so there is no test database)."), log.lines());
        assertTrue(project.getProperties().isEmpty());
    }

    private <T extends AbstractDatabaseMojo> T inBuild(T mojo, MavenProject project, Map<Object, Object> pluginContext) {
        mojo.setLog(log);
        mojo.setPluginContext(pluginContext);
        mojo.project = project;
        mojo.embeddedBinariesDir = TestDatabases.binariesRoot().toFile();
        mojo.embeddedDataDir = TestDatabases.work().resolve("mojo-dev-db-must-not-start").toFile();
        return mojo;
    }

    @Test
    void runServesTheEmbeddedDatabaseUntilInterrupted() throws Exception {
        File dataDir = TestDatabases.work().resolve("run-mojo-" + System.nanoTime()).resolve("mariadb").toFile();
        RunMojo mojo = new RunMojo();
        mojo.setLog(log);
        mojo.project = project();
        mojo.embeddedDataDir = dataDir;
        mojo.embeddedBinariesDir = TestDatabases.binariesRoot().toFile();
        Thread foreground = new Thread(() -> {
            try {
                mojo.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        foreground.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (log.lines().stream().noneMatch(l -> l.contains("Press Ctrl-C"))) {
            assertTrue(System.nanoTime() < deadline && foreground.isAlive(), log.lines().toString());
            Thread.sleep(50);
        }
        String url = log.lines().stream().filter(l -> l.contains("JDBC URL: ")).findFirst().orElseThrow()
                .replaceAll(".*JDBC URL: (\\S+).*", "$1");
        assertTrue(url.endsWith("/my_shop_api"), url);
        try (Connection connection = DatabaseConnector.open(new ConnectionSettings(JdbcUrl.parse(url), "root", ""))) {
            assertTrue(connection.isValid(5));
        }

        foreground.interrupt();
        foreground.join(TimeUnit.SECONDS.toMillis(30));

        assertFalse(foreground.isAlive());
        assertThrows(Exception.class, () -> DatabaseConnector.open(new ConnectionSettings(JdbcUrl.parse(url), "root", "")).close(),
                "the server must be stopped");
    }
}
