package dev.rsx.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.engine.ProjectException;
import dev.rsx.engine.StatusReport;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.CheckCache;
import dev.rsx.rules.PendingMigrationsCheck;
import dev.rsx.rules.RuleOptions;
import dev.rsx.rules.RulePolicy;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.SchemaFingerprint;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules inside rsx:migrate, on the embedded MariaDB: refusals before anything runs, acknowledgements, the live check. */
class RulesInMigrateTest {

    private static final ModeDecision DEVELOPMENT = new ModeDecision(Mode.DEVELOPMENT, "test");
    private static final ModeDecision PRODUCTION = new ModeDecision(Mode.PRODUCTION, "test");
    private static final String BASELINE = """
            CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, legacy_state VARCHAR(20), note VARCHAR(255));
            INSERT INTO orders (legacy_state, note) VALUES ('open', 'first');
            """;

    private final CapturingLog log = new CapturingLog();

    private void run(TestDb db, MigrationsDir dir, ModeDecision mode, RuleOptions rules) {
        new MigrateWorkflow(log).run(new MigrateWorkflow.Settings(db.settings(), dir.load(),
                new MigrateOptions(Duration.ofMinutes(1)), NormalizeOptions.defaults(), rules, mode,
                new LogicalSnapshot(db.settings()), true));
    }

    private static String embedded() {
        return TestDatabases.targets().get(0);
    }

    @Test
    void productionModeStopsBeforeAnythingRunsOnAnUnacknowledgedDestructiveChange() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-prod-halt").write("001_create_orders_table.sql", BASELINE);
            run(db, dir, PRODUCTION, RuleOptions.defaults());
            Map<String, String> before = SchemaFingerprint.of(db);
            dir.write("002_drop_legacy_state_from_orders.sql", """
                    CREATE TABLE order_events (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
                    ALTER TABLE orders DROP COLUMN legacy_state;
                    """);

            ProjectException refused = assertThrows(ProjectException.class,
                    () -> run(db, dir, PRODUCTION, RuleOptions.defaults()));

            assertTrue(refused.getMessage().startsWith("Migration validation failed: 1 error, 0 warnings in 1 file"
                    + " (RSX502 at 002_drop_legacy_state_from_orders.sql:2); nothing was run."), refused.getMessage());
            assertTrue(refused.getMessage().contains("-- rsx:allow-destructive <reason>"), refused.getMessage());
            assertTrue(log.lines().contains("ERROR RSX502 DROP COLUMN deletes data [destructive change (dangerous)]"), log.text());
            assertTrue(log.lines().contains("ERROR   > 2 | ALTER TABLE orders DROP COLUMN legacy_state"), log.text());
            assertEquals(before, SchemaFingerprint.of(db), "the first statement of the migration must not have run either");
        }
    }

    @Test
    void anAcknowledgementOnTheStatementLetsProductionModeRunAndIsEchoed() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-prod-ack").write("001_create_orders_table.sql", BASELINE);
            run(db, dir, PRODUCTION, RuleOptions.defaults());
            dir.write("002_drop_legacy_state_from_orders.sql", """
                    -- rsx:allow-destructive replaced by order_events since release 4.2
                    ALTER TABLE orders DROP COLUMN legacy_state;
                    """);

            run(db, dir, PRODUCTION, RuleOptions.defaults());

            assertTrue(log.lines().contains("INFO Waived RSX502 at 002_drop_legacy_state_from_orders.sql:2:"
                    + " rsx:allow-destructive replaced by order_events since release 4.2"), log.text());
            assertFalse(db.column("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'orders'").contains("legacy_state"));
        }
    }

    @Test
    void allowDestructiveAcknowledgesTheWholeRunAndDevelopmentOnlyWarns() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-allow").write("001_create_orders_table.sql", BASELINE);
            run(db, dir, PRODUCTION, RuleOptions.defaults());
            dir.write("002_drop_note_from_orders.sql", "ALTER TABLE orders DROP COLUMN note;\n");
            run(db, dir, PRODUCTION, new RuleOptions(Set.of(), true));
            dir.write("003_empty_orders.sql", "DELETE FROM orders;\n");

            run(db, dir, DEVELOPMENT, RuleOptions.defaults());

            assertTrue(log.lines().contains("WARN RSX504 UPDATE and DELETE have a WHERE clause [destructive change (dangerous)]"),
                    log.text());
            assertEquals(List.of("0"), db.column("SELECT COUNT(*) FROM orders"));
        }
    }

    @Test
    void aViolationStopsDevelopmentModeBeforeTheSnapshotAndReportsEveryFinding() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-dev-refuse")
                    .write("001_create_orders_table.sql", "CREATE TABLE orders (order_no VARCHAR(20) PRIMARY KEY);\n")
                    .write("002_create_lines_table.sql", "CREATE TABLE order_lines (id INT UNSIGNED NOT NULL AUTO_INCREMENT"
                            + " PRIMARY KEY);\nUSE other;\n");

            ProjectException refused = assertThrows(ProjectException.class,
                    () -> run(db, dir, DEVELOPMENT, RuleOptions.defaults()));

            assertTrue(refused.getMessage().startsWith("Migration validation failed: 3 errors, 0 warnings in 2 files"
                    + " (RSX101 at 001_create_orders_table.sql:1, RSX103 at 002_create_lines_table.sql:1,"
                    + " RSX302 at 002_create_lines_table.sql:2); nothing was run."), refused.getMessage());
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("[1/4]")), log.text());
            assertEquals(List.of(), db.tables().stream().filter(t -> !t.startsWith("DATABASECHANGELOG")).toList());
        }
    }

    @Test
    void aStatementTheParserCannotReadIsCheckedOnTheLiveSchemaAndRestoredInDevelopment() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-live").write("001_create_orders_table.sql", BASELINE);
            run(db, dir, DEVELOPMENT, RuleOptions.defaults());
            Map<String, String> before = SchemaFingerprint.of(db);
            dir.write("002_copy_orders.sql", "CREATE TABLE order_copy SELECT legacy_state FROM orders;\n");

            ProjectException failure = assertThrows(ProjectException.class,
                    () -> run(db, dir, DEVELOPMENT, RuleOptions.defaults()));

            assertTrue(log.lines().contains("WARN RSX901 Statements the SQL parser cannot read are checked on the live schema"
                    + " [warning]"), log.text());
            assertTrue(failure.getMessage().startsWith("The schema the migrations built breaks the rules: 1 error"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("RSX101 on table order_copy"), failure.getMessage());
            assertTrue(failure.getMessage().contains("Database restored to pre-migration state."), failure.getMessage());
            assertEquals(before, SchemaFingerprint.of(db));
        }
    }

    @Test
    void aPendingMigrationOlderThanTheNewestAppliedIsOutOfOrder() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-order").write("002_create_orders_table.sql", BASELINE);
            run(db, dir, PRODUCTION, RuleOptions.defaults());
            dir.write("001_create_customers_table.sql", "CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");

            ProjectException refused = assertThrows(ProjectException.class,
                    () -> run(db, dir, PRODUCTION, RuleOptions.defaults()));

            assertTrue(refused.getMessage().contains("(RSX603 at 001_create_customers_table.sql)"), refused.getMessage());
            run(db, dir, PRODUCTION, new RuleOptions(Set.of("RSX603"), false));
            assertTrue(db.tables().contains("customers"));
        }
    }

    @Test
    void productionModeRefusesAMigrationThatRsxSumDoesNotRecordWhileDevelopmentRecordsPendingEdits() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-integrity").write("001_create_orders_table.sql", BASELINE)
                    .writeUnrecorded("002_create_customers_table.sql",
                            "CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");

            ProjectException refused = assertThrows(ProjectException.class,
                    () -> run(db, dir, PRODUCTION, RuleOptions.defaults()));
            assertTrue(refused.getMessage().contains("RSX701 at 002_create_customers_table.sql"), refused.getMessage());
            assertEquals(List.of(), db.tables().stream().filter(t -> !t.startsWith("DATABASECHANGELOG")).toList());

            dir.write("002_create_customers_table.sql", "CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n")
                    .writeUnrecorded("002_create_customers_table.sql",
                            "CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20));\n");
            run(db, dir, DEVELOPMENT, RuleOptions.defaults());
            assertTrue(log.lines().contains("INFO Recorded in rsx.sum (development mode): 002_create_customers_table.sql"
                    + " (edited, not applied yet). Commit it with the migrations."), log.text());
        }
    }

    /** The plain runner enforces the rules' verdict itself, for a caller that checked but ignored the findings. */
    @Test
    void theEngineRefusesAPlainMigrationTheRulesBlockedEvenWhenTheCallerIgnoresTheFindings() {
        assertRefusedEvenWhenTheFindingsAreIgnored("rules-refusal-plain",
                "CREATE TABLE orders (order_no VARCHAR(20) PRIMARY KEY);\n", "RSX101 at 001_create_orders_table.sql:1");
    }

    /** A formatted changelog runs through Liquibase's update, which gets the verdict as a halting precondition. */
    @Test
    void liquibaseItselfRefusesAFormattedChangesetTheRulesBlocked() {
        assertRefusedEvenWhenTheFindingsAreIgnored("rules-refusal-formatted", """
                --liquibase formatted sql
                --changeset shop:1
                CREATE TABLE orders (order_no VARCHAR(20) PRIMARY KEY);
                """, "RSX101 at 001_create_orders_table.sql:3");
    }

    /** The verdict goes only to a blocked changeset, so a formatted changelog's own preconditions still decide. */
    @Test
    void aFormattedChangesetThatPassesTheRulesKeepsItsOwnPrecondition() {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create("rules-own-precondition").write("001_create_orders_table.sql", """
                    --liquibase formatted sql
                    --changeset shop:1
                    --preconditions onFail:MARK_RAN
                    --precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'legacy_orders'
                    CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
                    """);
            MigrationChangeLog changeLog = dir.load();
            MigrationEngine engine = new MigrationEngine(EngineLog.silent());
            StatusReport status = engine.status(db.settings(), changeLog);
            PendingMigrationsCheck.run(db.schema(), changeLog, status, RulePolicy.development(), CheckCache.none(),
                    EngineLog.silent());

            engine.migrate(db.settings(), changeLog, new MigrateOptions(Duration.ofMinutes(1)));

            assertFalse(db.tables().contains("orders"));
            assertEquals(List.of("MARK_RAN"), db.column("SELECT EXECTYPE FROM DATABASECHANGELOG"));
        }
    }

    private static void assertRefusedEvenWhenTheFindingsAreIgnored(String directory, String migration, String finding) {
        try (TestDb db = TestDatabases.fresh(embedded())) {
            MigrationsDir dir = MigrationsDir.create(directory).write("001_create_orders_table.sql", migration);
            MigrationChangeLog changeLog = dir.load();
            MigrationEngine engine = new MigrationEngine(EngineLog.silent());
            StatusReport status = engine.status(db.settings(), changeLog);
            PendingMigrationsCheck.run(db.schema(), changeLog, status, RulePolicy.development(), CheckCache.none(),
                    EngineLog.silent());

            Exception refused = assertThrows(Exception.class,
                    () -> engine.migrate(db.settings(), changeLog, new MigrateOptions(Duration.ofMinutes(1))));

            assertTrue(String.valueOf(refused.getMessage()).contains(finding), String.valueOf(refused.getMessage()));
            assertFalse(db.tables().contains("orders"));
            assertEquals(List.of("0"), db.column("SELECT COUNT(*) FROM DATABASECHANGELOG"));
        }
    }
}
