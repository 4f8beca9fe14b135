package dev.rsx.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrationDirectory;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.integrity.IntegrityFile;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.Finding;
import dev.rsx.rules.RulePolicy;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rsx:check's three steps on real servers: a scratch database on the test server, drift against a live one. */
class CheckWorkflowTest {

    private final CapturingLog log = new CapturingLog();

    private CheckWorkflow.Outcome check(MigrationsDir dir, TestDb server, TestDb live) {
        CheckWorkflow.DevDatabase scratch = new CheckWorkflow.DevDatabase(TestDatabases.binariesRoot(),
                TestDatabases.work().resolve("check-db"), server.settings());
        return new CheckWorkflow(log).run(new CheckWorkflow.Settings(dir.path(), RulePolicy.development(), scratch,
                NormalizeOptions.defaults(), live == null ? null : live.settings()));
    }

    private static List<String> found(CheckResult result) {
        return result.findings().stream().map(f -> f.rule().id() + "@" + f.file() + ":" + f.markedLine()).toList();
    }

    @Test
    void goodMigrationsPassAllThreeStepsAndTheScratchSchemaIsDropped() {
        try (TestDb server = TestDatabases.fresh(TestDatabases.targets().get(0));
                TestDb live = TestDatabases.fresh(TestDatabases.targets().get(0))) {
            MigrationsDir dir = MigrationsDir.create("check-good")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                            + " email VARCHAR(100) NOT NULL);\n")
                    .write("002_create_orders_table.sql", "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                            + " user_id BIGINT NOT NULL, CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));\n");
            List<String> before = server.column("SHOW DATABASES");

            CheckWorkflow.Outcome outcome = check(dir, server, live);

            assertEquals(List.of(), outcome.result().findings());
            assertEquals(List.of("static PASSED", "dev-database PASSED", "drift PASSED"),
                    outcome.steps().stream().map(s -> s.step() + " " + s.status()).toList());
            assertEquals(before, server.column("SHOW DATABASES"), "the scratch schema must be dropped");
            assertTrue(log.lines().contains("INFO [1/3] Static rules and rsx.sum...    [OK] 2 migrations, 2 statements"),
                    log.text());
        }
    }

    @Test
    void aMigrationThatFailsOnTheServerIsAFindingWithItsLine() {
        try (TestDb server = TestDatabases.fresh(TestDatabases.targets().get(0))) {
            MigrationsDir dir = MigrationsDir.create("check-fails")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n")
                    .write("002_add_status_to_orders.sql", "-- orders come later\n\nALTER TABLE orders ADD COLUMN status"
                            + " VARCHAR(20);\n");

            CheckWorkflow.Outcome outcome = check(dir, server, null);

            assertEquals(List.of("RSX902@002_add_status_to_orders.sql:3"), found(outcome.result()));
            assertTrue(outcome.result().findings().get(0).message().contains("(1146)"), outcome.result().findings().get(0).message());
            assertEquals("FAILED", outcome.steps().get(1).status().name());
        }
    }

    @Test
    void staticErrorsSkipTheScratchDatabaseAndLiveRulesCatchWhatTheParserCannotRead() {
        try (TestDb server = TestDatabases.fresh(TestDatabases.targets().get(0))) {
            MigrationsDir bad = MigrationsDir.create("check-static").write("001_create_users_table.sql",
                    "CREATE TABLE users (email VARCHAR(100) PRIMARY KEY);\n");
            CheckWorkflow.Outcome refused = check(bad, server, null);
            assertEquals(List.of("RSX101@001_create_users_table.sql:1"), found(refused.result()));
            assertEquals("SKIPPED", refused.steps().get(1).status().name());

            MigrationsDir unreadable = MigrationsDir.create("check-live")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n")
                    .write("002_copy_users.sql", "CREATE TABLE user_copy SELECT id AS user_id FROM users;\n");
            CheckWorkflow.Outcome live = check(unreadable, server, null);
            assertEquals(List.of("RSX901@002_copy_users.sql:1", "RSX101@null:0"), found(live.result()));
            Finding onTable = live.result().findings().get(1);
            assertEquals("user_copy", onTable.table());
        }
    }

    @Test
    void driftReportsChangedAndMissingAppliedMigrationsAndOutOfOrderOnes() throws Exception {
        try (TestDb server = TestDatabases.fresh(TestDatabases.targets().get(0));
                TestDb live = TestDatabases.fresh(TestDatabases.targets().get(0))) {
            MigrationsDir dir = MigrationsDir.create("check-drift")
                    .write("002_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n")
                    .write("003_create_tags_table.sql", "CREATE TABLE tags (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");
            new MigrationEngine(log).migrate(live.settings(), dir.load(), new MigrateOptions(Duration.ofMinutes(1)));
            dir.write("002_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " name VARCHAR(20));\n").delete("003_create_tags_table.sql")
                    .write("001_create_roles_table.sql", "CREATE TABLE roles (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");
            IntegrityFile.record(dir.path(), MigrationDirectory.scan(dir.path()));

            CheckWorkflow.Outcome outcome = check(dir, server, live);

            assertEquals(List.of("RSX801@002_create_users_table.sql:0", "RSX802@003_create_tags_table.sql:0",
                    "RSX603@001_create_roles_table.sql:0"), found(outcome.result()));
        }
    }
}
