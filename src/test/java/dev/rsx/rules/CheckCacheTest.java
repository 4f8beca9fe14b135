package dev.rsx.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.engine.StatusReport;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCacheTest {

    private static final String CREATE_ORDERS = "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n";
    private static final String ADD_TOTAL = "ALTER TABLE orders ADD COLUMN total DECIMAL(10,2) NULL;\n"
            + "INSERT INTO orders (total) VALUES (1.50);\n";

    @TempDir
    Path cacheDirectory;

    @Test
    void aCheckThatFoundNothingIsRememberedAndTheSameRunNeedsNoParse() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationChangeLog changeLog = MigrationsDir.create("check-cache-clean")
                    .write("001_create_orders_table.sql", CREATE_ORDERS)
                    .write("002_add_total_to_orders.sql", ADD_TOTAL).load();
            CheckCache cache = CheckCache.in(cacheDirectory);

            CapturingLog first = new CapturingLog();
            PendingMigrationsCheck.Outcome checked = check(db, changeLog, cache, first);
            CapturingLog second = new CapturingLog();
            PendingMigrationsCheck.Outcome remembered = check(db, changeLog, cache, second);

            assertEquals(1, entries().size());
            assertFalse(first.text().contains("not parsed again"), first.text());
            assertTrue(second.text().contains("Rules: these 2 pending migrations passed the same check before"),
                    second.text());
            assertEquals(2, checked.result().files());
            assertEquals(3, checked.result().statements());
            assertEquals(Set.of("orders"), checked.result().touchedTables());
            assertEquals(Set.of("orders"), checked.result().writtenTables().tables());
            assertEquals(checked.result(), remembered.result());
            assertEquals(checked.touchedTables(), remembered.touchedTables());
        }
    }

    @Test
    void aCheckWithAFindingIsNeverRememberedSoTheFindingIsReportedEveryTime() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationChangeLog changeLog = MigrationsDir.create("check-cache-finding")
                    .write("001_create_orders_table.sql", "CREATE TABLE orders (order_no VARCHAR(20) PRIMARY KEY);\n").load();
            CheckCache cache = CheckCache.in(cacheDirectory);

            PendingMigrationsCheck.Outcome first = check(db, changeLog, cache, EngineLog.silent());
            PendingMigrationsCheck.Outcome second = check(db, changeLog, cache, EngineLog.silent());

            assertTrue(first.result().findings().stream().anyMatch(f -> f.rule().id().equals("RSX101")));
            assertEquals(first.result().findings().size(), second.result().findings().size());
            assertEquals(List.of(), entries());
        }
    }

    @Test
    void aDifferentPolicyFileContentOrStartingSchemaIsADifferentKey() {
        MigrationsDir dir = MigrationsDir.create("check-cache-keys").write("001_create_orders_table.sql", CREATE_ORDERS);
        MigrationChangeLog changeLog = dir.load();
        MigrationChangeLog edited = dir.writeUnrecorded("001_create_orders_table.sql", CREATE_ORDERS + "-- edited\n").load();
        CheckCache cache = CheckCache.in(cacheDirectory);
        KnownSchema empty = KnownSchema.empty();
        KnownSchema withTable = KnownSchema.empty();
        withTable.create("customers");

        String key = cache.key(RulePolicy.development(), empty, changeLog, changeLog.changeSets());

        assertEquals(key, cache.key(RulePolicy.development(), KnownSchema.empty(), changeLog, changeLog.changeSets()));
        assertNotEquals(key, cache.key(new RulePolicy(Set.of("RSX101"), false, false), empty, changeLog,
                changeLog.changeSets()));
        assertNotEquals(key, cache.key(RulePolicy.development(), withTable, changeLog, changeLog.changeSets()));
        assertNotEquals(key, cache.key(RulePolicy.development(), empty, edited, edited.changeSets()));
    }

    @Test
    void aDamagedEntryIsIgnoredAndTheCheckRuns() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationChangeLog changeLog = MigrationsDir.create("check-cache-damaged")
                    .write("001_create_orders_table.sql", CREATE_ORDERS).load();
            CheckCache cache = CheckCache.in(cacheDirectory);
            check(db, changeLog, cache, EngineLog.silent());
            Files.writeString(entries().get(0), "files two\n");

            CapturingLog log = new CapturingLog();
            PendingMigrationsCheck.Outcome outcome = check(db, changeLog, cache, log);

            assertFalse(log.text().contains("not parsed again"), log.text());
            assertEquals(1, outcome.result().files());
        }
    }

    @Test
    void withoutADirectoryNothingIsRemembered() {
        MigrationChangeLog changeLog = MigrationsDir.create("check-cache-none")
                .write("001_create_orders_table.sql", CREATE_ORDERS).load();

        assertEquals(null, CheckCache.none().key(RulePolicy.development(), KnownSchema.empty(), changeLog,
                changeLog.changeSets()));
    }

    private static PendingMigrationsCheck.Outcome check(TestDb db, MigrationChangeLog changeLog, CheckCache cache,
            EngineLog log) {
        StatusReport status = new MigrationEngine(EngineLog.silent()).status(db.settings(), changeLog);
        return PendingMigrationsCheck.run(db.schema(), changeLog, status, RulePolicy.development(), cache, log);
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
