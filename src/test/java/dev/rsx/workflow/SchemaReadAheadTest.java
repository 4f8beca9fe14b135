package dev.rsx.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.MigrateOptions;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.CheckCache;
import dev.rsx.rules.RuleOptions;
import dev.rsx.schema.SchemaInventory;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.ReportFiles;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema a goal reads on its first connection while it reads its files: used once, for the schema as the run
 * found it, and never where the run may have changed it or waited for another run since.
 */
class SchemaReadAheadTest {

    private final CapturingLog log = new CapturingLog();
    private final Path reports = TestDatabases.work().resolve("read-ahead-" + System.nanoTime());

    @Test
    void theSchemaReadAheadIsTakenOnceAndEveryLaterTakeReadsAfresh() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded"); Connection connection = db.connect()) {
            db.execute("CREATE TABLE first (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            SchemaReadAhead ahead = new SchemaReadAhead();
            ahead.read(connection);
            db.execute("CREATE TABLE second (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");

            assertEquals(List.of("first"), names(ahead.take(connection)));
            assertEquals(List.of("first", "second"), names(ahead.take(connection)));
        }
    }

    @Test
    void aReadThatArrivesAfterADiscardIsDropped() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded"); Connection connection = db.connect()) {
            SchemaReadAhead ahead = new SchemaReadAhead();
            ahead.discard();
            ahead.read(connection);
            db.execute("CREATE TABLE later (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");

            assertEquals(List.of("later"), names(ahead.take(connection)));
        }
    }

    @Test
    void aReadThatFailedLeavesTheReadingToTheRun() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded"); Connection connection = db.connect()) {
            db.execute("CREATE TABLE kept (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            SchemaReadAhead ahead = new SchemaReadAhead();
            Connection closed = db.connect();
            closed.close();
            ahead.read(closed);

            assertEquals(List.of("kept"), names(ahead.take(connection)));
        }
    }

    @Test
    void aNoOpReportsTheSchemaReadAheadUnlessNormalizationChangedIt() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("read-ahead-no-op").write("001_create_items_table.sql",
                    "CREATE TABLE items (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");
            run(new SchemaReadAhead(), db, dir, Mode.PRODUCTION, NormalizeOptions.defaults());
            db.execute("CREATE TABLE legacy (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY)");

            // Without normalization, the no-op reports the schema read ahead: not read again, so a table created
            // after the read (here, between it and the run) is not in it.
            SchemaReadAhead ahead = readAhead(db);
            db.execute("CREATE TABLE unseen (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            String unnormalized = reportOf(() -> run(ahead, db, dir, Mode.PRODUCTION, null));
            assertTrue(unnormalized.contains("    legacy {\n        int id PK\n    }\n"), unnormalized);
            assertFalse(unnormalized.contains("unseen"), unnormalized);

            // Normalization turns legacy.id into a BIGINT after the read: the report reads the schema again.
            SchemaReadAhead stale = readAhead(db);
            String normalized = reportOf(() -> run(stale, db, dir, Mode.PRODUCTION, NormalizeOptions.defaults()));
            assertTrue(normalized.contains("    legacy {\n        bigint id PK\n    }\n"), normalized);
            assertTrue(normalized.contains("    unseen {\n"), normalized);
        }
    }

    @Test
    void aDevelopmentRunThatAppliesReadsTheSchemaAgainUnderItsRunLock() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("read-ahead-development").write("001_create_items_table.sql",
                    "CREATE TABLE items (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");
            SchemaReadAhead ahead = readAhead(db);
            // Another run's change, made while this one waited for the run lock.
            db.execute("CREATE TABLE meanwhile (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");

            String report = reportOf(() -> run(ahead, db, dir, Mode.DEVELOPMENT, null));

            assertTrue(report.contains("- table `items ("), report);
            assertFalse(report.contains("- table `meanwhile"), report);
        }
    }

    private static SchemaReadAhead readAhead(TestDb db) throws Exception {
        SchemaReadAhead ahead = new SchemaReadAhead();
        try (Connection connection = db.connect()) {
            ahead.read(connection);
        }
        return ahead;
    }

    private void run(SchemaReadAhead ahead, TestDb db, MigrationsDir dir, Mode mode, NormalizeOptions normalize) {
        new MigrateWorkflow(log, reports, CheckCache.none(), ahead).run(new MigrateWorkflow.Settings(db.settings(),
                dir.load(), new MigrateOptions(Duration.ofMinutes(1)), normalize, RuleOptions.defaults(),
                new ModeDecision(mode, "test"), new LogicalSnapshot(db.settings()), true));
    }

    /** The Markdown report of the one run {@code run} makes. */
    private String reportOf(Runnable run) throws Exception {
        if (Files.isDirectory(reports)) {
            try (Stream<Path> old = Files.list(reports)) {
                old.forEach(p -> p.toFile().delete());
            }
        }
        run.run();
        return Files.readString(ReportFiles.only(reports, ".md"));
    }

    private static List<String> names(SchemaInventory schema) {
        return schema.tables().stream().map(SchemaInventory.Table::name).toList();
    }
}
