package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrateMain;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class MigrationLockingTest {

    private static MigrationsDir countingMigrations(String name) {
        MigrationsDir dir = MigrationsDir.create(name)
                .write("001_create_runs_table.sql", """
                        CREATE TABLE runs (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20));
                        SELECT SLEEP(2);
                        """);
        for (int i = 2; i <= 5; i++) {
            dir.write(String.format("%03d_record_run_%d.sql", i, i), "INSERT INTO runs (note) VALUES ('m" + i + "');\n");
        }
        return dir;
    }

    @OnEveryTarget
    void twoConcurrentRunsNeverApplyAnythingTwice(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = countingMigrations("concurrent");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<MigrateResult>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> new MigrationEngine(new CapturingLog())
                            .migrate(db.settings(), dir.load(), new MigrateOptions(Duration.ofMinutes(1)))));
                }
                int appliedInTotal = 0;
                for (Future<MigrateResult> run : runs) {
                    appliedInTotal += run.get(2, TimeUnit.MINUTES).applied().size();
                }
                assertEquals(5, appliedInTotal, "each migration is applied by exactly one of the runs");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("4"), db.column("SELECT COUNT(*) FROM runs"));
            assertEquals(List.of("5"), db.column("SELECT COUNT(DISTINCT ID) FROM DATABASECHANGELOG"));
            assertEquals(List.of("5"), db.column("SELECT COUNT(*) FROM DATABASECHANGELOG"));
        }
    }

    @OnEveryTarget
    void aRunKilledWithSigkillLeavesNoLockBehind(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("killed")
                    .write("001_create_runs_table.sql", "CREATE TABLE runs (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n")
                    .write("002_slow_backfill.sql", "SELECT SLEEP(4);\nINSERT INTO runs VALUES ();\n");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                    db.settings().url().url(), db.settings().username(), dir.path().toString(), db.settings().password())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String lockName = (db.settings().database() + "." + TrackingTable.LOCK_NAME).toUpperCase();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!db.column("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name = 'DATABASECHANGELOG'").equals(List.of("1"))
                    || !db.column("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '001'").equals(List.of("1"))) {
                assertTrue(child.isAlive(), "the child run ended before it applied 001");
                assertTrue(System.nanoTime() < deadline, "the child run never applied 001");
                Thread.sleep(20);
            }
            // 001 is recorded, so the child is inside 002's SLEEP, holding the lock.
            assertTrue(db.column("SELECT IS_USED_LOCK('" + lockName + "')").get(0) != null, "the child holds no lock");

            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long started = System.nanoTime();
            MigrateResult next = new MigrationEngine(new CapturingLog())
                    .migrate(db.settings(), dir.load(), new MigrateOptions(Duration.ofMinutes(2)));
            long waitedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            assertTrue(waitedSeconds < 30, "the next run waited " + waitedSeconds + " s: the lock outlived the killed run");
            assertEquals(List.of("002"), next.applied().stream().map(AppliedChangeSet::changeSetId).toList());
            assertEquals(List.of("1"), db.column("SELECT COUNT(*) FROM runs"));
        }
    }
}
