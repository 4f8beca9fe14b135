package dev.rsx.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrateResult;
import dev.rsx.engine.ProjectException;
import dev.rsx.engine.TrackingTable;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.CheckCache;
import dev.rsx.rules.RuleOptions;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.snapshot.SnapshotState;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.ConnectionCounter;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.SchemaFingerprint;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.QueryLog;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import dev.rsx.testing.WorkflowMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigrateWorkflowTest {

    private static final ModeDecision DEVELOPMENT = new ModeDecision(Mode.DEVELOPMENT, "test");
    private static final ModeDecision PRODUCTION = new ModeDecision(Mode.PRODUCTION, "test");

    private final CapturingLog log = new CapturingLog();

    private MigrateResult run(TestDb db, MigrationsDir dir, ModeDecision mode) {
        // With the project's checksum cache, as rsx:migrate runs it: the no-op runs of these tests take the fast way.
        return new MigrateWorkflow(log).run(new MigrateWorkflow.Settings(db.settings(),
                dir.load(dir.path().resolveSibling(dir.path().getFileName() + "-checksums")),
                new MigrateOptions(Duration.ofMinutes(1)), NormalizeOptions.defaults(), RuleOptions.defaults(), mode,
                new LogicalSnapshot(db.settings()), true));
    }

    /**
     * Runs of one workflow over {@code dir} and {@code database}, in the mode given, writing their reports beside
     * {@code dir} as rsx:migrate does by default.
     */
    private Function<ModeDecision, MigrateResult> reportingRuns(ConnectionSettings database, MigrationsDir dir) {
        MigrateWorkflow workflow = new MigrateWorkflow(log, dir.path().resolveSibling(dir.path().getFileName()
                + "-reports"), CheckCache.none());
        return mode -> workflow.run(new MigrateWorkflow.Settings(database, dir.load(),
                new MigrateOptions(Duration.ofMinutes(1)), NormalizeOptions.defaults(), RuleOptions.defaults(), mode,
                new LogicalSnapshot(database), true));
    }

    /** A database the tests can damage: foreign keys, a trigger, a view, a procedure, AUTO_INCREMENT gaps. */
    private static MigrationsDir baseline(String name) {
        return MigrationsDir.create(name).write("001_create_users_table.sql", """
                CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT NULL);
                CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id BIGINT NOT NULL,
                    note LONGTEXT, CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));
                CREATE VIEW user_emails AS SELECT id, email FROM users;
                INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com'), ('c@example.com');
                DELETE FROM users WHERE id = 2;
                INSERT INTO orders (user_id, note) VALUES (1, 'caf\u00e9 \uD83D\uDE00');
                CREATE TABLE settings (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL);
                INSERT INTO settings (name) VALUES ('theme');
                """);
    }

    private static final String PARTLY_FAILING = """
            CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
            ALTER TABLE users ADD COLUMN nickname VARCHAR(20);
            INSERT INTO users (email) VALUES ('d@example.com');
            DROP VIEW user_emails;
            ALTER TABLE orderz ADD COLUMN status VARCHAR(20);
            """;

    /** As {@link #PARTLY_FAILING}, after dynamic SQL that empties a table no statement names. */
    private static final String PARTLY_FAILING_UNBOUNDED = """
            PREPARE wipe FROM 'DELETE FROM settings';
            EXECUTE wipe;
            """ + PARTLY_FAILING.lines().skip(2).map(line -> line + "\n").collect(Collectors.joining());

    /**
     * Every failing migration of the two snapshot paths: one whose statements bound what it writes (the snapshot
     * copies users, its child orders and the tracking table, not settings), one whose dynamic SQL does not.
     */
    static Stream<Arguments> failingMigrations() {
        return TestDatabases.targets().stream().flatMap(target -> Stream.of(
                Arguments.of(target, PARTLY_FAILING, 5, "Snapshot of the 3 of 4 tables the pending migrations can change"),
                Arguments.of(target, PARTLY_FAILING_UNBOUNDED, 5, "Snapshot of every table: the reach of"
                        + " 002_add_invoices.sql:1")));
    }

    @ParameterizedTest
    @MethodSource("failingMigrations")
    void developmentModeRestoresTheDatabaseExactlyWhenAMigrationFails(String target, String migration, int failingLine,
            String snapshotScope) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-restore");
            run(db, dir, DEVELOPMENT);
            Map<String, String> before = SchemaFingerprint.of(db);
            dir.write("002_add_invoices.sql", migration);

            ProjectException failure = assertThrows(ProjectException.class, () -> run(db, dir, DEVELOPMENT));

            assertTrue(log.text().contains(snapshotScope), log.text());
            assertEquals(before, SchemaFingerprint.of(db));
            assertTrue(failure.getMessage().startsWith("Migration 002_add_invoices.sql failed at 002_add_invoices.sql:"
                    + failingLine + ":"), failure.getMessage());
            assertTrue(failure.getMessage().contains("Server said: (1146)"), failure.getMessage());
            assertTrue(failure.getMessage().endsWith("Database restored to pre-migration state. Fix your migration files"
                    + " and run `mvn rsx:migrate` again."), failure.getMessage());
            assertFalse(failure.getMessage().contains("stay applied"), failure.getMessage());
            assertTrue(log.lines().contains("INFO Database restored to pre-migration state."), log.text());
            assertEquals(List.of(), new LogicalSnapshot(db.settings()).list());
        }
    }

    @OnEveryTarget
    void aNoOpRunInEitherModeStillNormalizesAndTakesNoSnapshot(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-no-op");
            run(db, dir, DEVELOPMENT);
            for (ModeDecision mode : List.of(DEVELOPMENT, PRODUCTION)) {
                db.execute("CREATE TABLE added_by_hand_" + mode.mode().label() + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
                int before = log.lines().size();

                MigrateResult result = run(db, dir, mode);

                assertTrue(result.nothingToMigrate());
                assertEquals("001", result.currentVersion());
                List<String> lines = log.lines().subList(before, log.lines().size());
                assertTrue(lines.contains("INFO Nothing to migrate: the database is at version 001."), lines.toString());
                assertFalse(lines.stream().anyMatch(l -> l.contains("[1/4]")), "no snapshot for a no-op: " + lines);
                assertEquals(List.of("bigint"), db.column("SELECT DATA_TYPE FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'added_by_hand_" + mode.mode().label()
                        + "' AND COLUMN_NAME = 'id'"),
                        "normalization ran after the no-op");
            }
            assertEquals(List.of(), new LogicalSnapshot(db.settings()).list());
        }
    }

    /**
     * Each connection costs a remote server several round trips. The migrations' own SQL may change its session, so
     * what follows them (normalization, the live check, the report) takes a fresh one.
     */
    @OnEveryTarget
    void aProductionRunConnectsOnceUpToItsMigrationsAndOnceAfterThemAndANoOpOnce(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            ConnectionSettings counted = ConnectionCounter.counting(db.settings());
            Function<ModeDecision, MigrateResult> run = reportingRuns(counted, baseline("wf-connections"));

            assertEquals(1, run.apply(PRODUCTION).applied().size());
            assertEquals(2, ConnectionCounter.opened(counted), "the apply");
            assertTrue(run.apply(PRODUCTION).nothingToMigrate());
            assertEquals(3, ConnectionCounter.opened(counted), "the no-op, its report included");
            assertTrue(run.apply(DEVELOPMENT).nothingToMigrate());
            assertEquals(4, ConnectionCounter.opened(counted), "the no-op in development mode");
            assertEquals(3, log.lines().stream().filter(l -> l.startsWith("INFO Migration report: ")).count(),
                    "every run wrote its report: " + log.text());
        }
    }

    /**
     * Reading a schema makes the server open every table. A run reads it before its migrations (the rules' and the
     * report's starting point) and once after them for normalization, the live check and the report, its tables again
     * only when normalization changed them; a no-op reads it once for normalization and its report.
     */
    @OnEveryTarget
    void aRunReadsTheSchemaOnceAfterItsMigrationsUnlessNormalizationChangedIt(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            ConnectionSettings logged = QueryLog.logging(db.settings());
            MigrationsDir dir = baseline("wf-schema-reads");
            Function<ModeDecision, MigrateResult> run = reportingRuns(logged, dir);

            run.apply(PRODUCTION);
            int baseline = QueryLog.sent(logged).size();
            dir.write("002_add_locale_setting.sql", "INSERT INTO settings (name) VALUES ('locale');\n");
            run.apply(PRODUCTION);
            int applied = QueryLog.sent(logged).size();
            run.apply(PRODUCTION);

            List<String> sent = QueryLog.sent(logged);
            assertEquals(List.of(3L, 2L), reads(sent.subList(0, baseline)), "normalization added the audit columns:"
                    + " the tables read again after it, the foreign keys once");
            assertEquals(List.of(2L, 2L), reads(sent.subList(baseline, applied)), "before the migration and after it");
            assertEquals(List.of(1L, 1L), reads(sent.subList(applied, sent.size())), "the no-op");
        }
    }

    /** How often {@code statements} read the columns and the foreign keys of the schema. */
    private static List<Long> reads(List<String> statements) {
        return List.of("from information_schema.columns", "from information_schema.key_column_usage").stream()
                .map(table -> statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains(table)).count())
                .toList();
    }

    @OnEveryTarget
    void developmentModePrintsTheFourStepsAndRemovesItsSnapshot(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-steps");

            run(db, dir, DEVELOPMENT);

            List<String> steps = log.lines().stream().filter(l -> l.matches("INFO \\[\\d/4].*")).toList();
            assertEquals(List.of("INFO [1/4] Creating database snapshot...  [OK]",
                    "INFO [2/4] Running migrations...          [OK] 1 migration applied",
                    "INFO [3/4] Running schema quality check...[OK]",
                    "INFO [4/4] Committing changes...          [OK] snapshot removed"), steps);
            assertEquals(List.of(), new LogicalSnapshot(db.settings()).list());
        }
    }

    @OnEveryTarget
    void productionModeTakesNoSnapshotAndReportsWhatStaysCommitted(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-production");
            run(db, dir, PRODUCTION);
            dir.write("002_add_invoices.sql", PARTLY_FAILING);

            ProjectException failure = assertThrows(ProjectException.class, () -> run(db, dir, PRODUCTION));

            assertTrue(failure.getMessage().contains("Already committed from this migration"), failure.getMessage());
            assertTrue(db.tables().contains("invoices"), "production mode restores nothing");
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("[1/4]")), log.text());
        }
    }

    @OnEveryTarget
    void aRunKilledWithSigkillIsRecoveredByTheNextRun(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-killed");
            run(db, dir, DEVELOPMENT);
            Map<String, String> before = SchemaFingerprint.of(db);
            dir.write("002_slow_backfill.sql", """
                    CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
                    SELECT SLEEP(5);
                    """);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WorkflowMain.class.getName(),
                    db.settings().url().url(), db.settings().username(), dir.path().toString(), db.settings().password())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!db.tables().contains("invoices")) {
                assertTrue(child.isAlive() && System.nanoTime() < deadline, "the child run never reached its migration");
                Thread.sleep(50);
            }
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertEquals(SnapshotState.READY, new LogicalSnapshot(db.settings()).find(MigrateWorkflow.RUN_SNAPSHOT)
                    .orElseThrow().state());
            dir.write("002_slow_backfill.sql", "CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");

            // The killed session's statement runs on until the server notices; its run lock makes the next run wait.
            new MigrateWorkflow(log).run(new MigrateWorkflow.Settings(db.settings(), dir.load(),
                    new MigrateOptions(Duration.ofMinutes(1)), null, RuleOptions.defaults(), DEVELOPMENT, new LogicalSnapshot(db.settings()), true));

            assertTrue(log.text().contains("WARN A previous rsx:migrate was interrupted"), log.text());
            assertTrue(db.tables().contains("invoices"));
            assertEquals(List.of("001", "002"), db.column("SELECT ID FROM " + TrackingTable.NAME + " ORDER BY ORDEREXECUTED"));
            assertEquals(List.of(), new LogicalSnapshot(db.settings()).list());
            Map<String, String> after = SchemaFingerprint.of(db);
            before.forEach((object, definition) -> {
                if (!object.contains(TrackingTable.NAME)) {
                    assertEquals(definition, after.get(object), object + " must be as before the killed run");
                }
            });
        }
    }

    @OnEveryTarget
    void anIncompleteSnapshotOfAKilledRunIsDropped(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-creating");
            LogicalSnapshot snapshots = new LogicalSnapshot(db.settings());
            snapshots.create(MigrateWorkflow.RUN_SNAPSHOT, log);
            db.execute("UPDATE `" + shadowOf(db, snapshots) + "`._rsx_snapshot SET state = 'CREATING'");

            run(db, dir, DEVELOPMENT);

            assertTrue(log.text().contains("WARN Dropping the incomplete snapshot of an interrupted run"), log.text());
            assertEquals(List.of(), snapshots.list());
        }
    }

    private static String shadowOf(TestDb db, LogicalSnapshot snapshots) {
        return db.column("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'rsx\\_snap\\_%'"
                + " ORDER BY schema_name DESC").stream().filter(name -> db.column("SELECT COUNT(*) FROM `" + name
                + "`._rsx_snapshot WHERE name = '" + MigrateWorkflow.RUN_SNAPSHOT + "'").equals(List.of("1")))
                .findFirst().orElseThrow();
    }

    @OnEveryTarget
    void theSnapshotOfRsxBeginIsUsedKeptAndTakenAgainAfterARestore(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-begin");
            run(db, dir, DEVELOPMENT);
            LogicalSnapshot snapshots = new LogicalSnapshot(db.settings());
            snapshots.create(Snapshot.MIGRATION, log);
            Map<String, String> atBegin = SchemaFingerprint.of(db);
            dir.write("002_add_invoices.sql", PARTLY_FAILING);

            assertThrows(ProjectException.class, () -> run(db, dir, DEVELOPMENT));

            assertTrue(log.lines().contains("INFO [1/4] Creating database snapshot...  [OK] using the snapshot taken by rsx:begin"),
                    log.text());
            assertEquals(atBegin, SchemaFingerprint.of(db));
            assertEquals(List.of(Snapshot.MIGRATION), snapshots.list().stream().map(Snapshot::name).toList());

            dir.write("002_add_invoices.sql", "CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");
            run(db, dir, DEVELOPMENT);
            assertTrue(log.lines().contains("INFO [4/4] Committing changes...          [OK] snapshot kept: run mvn rsx:commit"
                    + " to remove it"), log.text());
            assertEquals(List.of(Snapshot.MIGRATION), snapshots.list().stream().map(Snapshot::name).toList());
        }
    }

    @OnEveryTarget
    void twoDevelopmentRunsAtOnceTakeTurnsAndApplyEverythingOnce(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = baseline("wf-concurrent").write("002_slow.sql", "CREATE TABLE slow (id BIGINT NOT NULL"
                    + " AUTO_INCREMENT PRIMARY KEY);\nSELECT SLEEP(1);\n");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<MigrateResult>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> new MigrateWorkflow(new CapturingLog()).run(new MigrateWorkflow.Settings(
                            db.settings(), dir.load(), new MigrateOptions(Duration.ofMinutes(1)), NormalizeOptions.defaults(),
                            RuleOptions.defaults(), DEVELOPMENT, new LogicalSnapshot(db.settings()), true))));
                }
                int applied = 0;
                for (Future<MigrateResult> run : runs) {
                    applied += run.get(3, TimeUnit.MINUTES).applied().size();
                }
                assertEquals(2, applied);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("2"), db.column("SELECT COUNT(*) FROM " + TrackingTable.NAME));
            assertEquals(List.of(), new LogicalSnapshot(db.settings()).list());
        }
    }
}
