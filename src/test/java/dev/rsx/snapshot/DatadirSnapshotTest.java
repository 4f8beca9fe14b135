package dev.rsx.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.server.EmbeddedMariaDb;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.SchemaFingerprint;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The datadir strategy on an embedded MariaDB of this test's own (never the shared test server, never the machine's
 * MariaDB): taken, broken by a half-applied migration, restored exactly; and the ways a run can be killed or refused.
 */
class DatadirSnapshotTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Path root;
    private static Path dataDir;
    private static EmbeddedMariaDb server;

    @BeforeAll
    static void startOwnServer() throws IOException {
        root = TestDatabases.work().resolve("datadir-snapshot-" + ProcessHandle.current().pid());
        FileUtils.deleteDirectory(root.toFile());
        Files.createDirectories(root);
        dataDir = root.resolve("data");
        server = EmbeddedMariaDb.start(TestDatabases.binariesRoot(), dataDir, EngineLog.silent());
    }

    @AfterAll
    static void stopOwnServer() throws InterruptedException, IOException {
        if (server != null) {
            server.close(); // after many stop/start cycles
        }
        assertNoServerOn(dataDir);
        FileUtils.deleteDirectory(root.toFile());
    }

    @Test
    void restoresTheSchemaExactlyAfterAPartlyAppliedMigration() throws Exception {
        try (TestDb db = freshSchema()) {
            fixture(db);
            Map<String, String> before = SchemaFingerprint.of(db);
            DatadirSnapshot snapshots = strategy(db);
            CapturingLog log = new CapturingLog();

            Snapshot taken = snapshots.create(Snapshot.MIGRATION, log);

            assertEquals(SnapshotState.READY, taken.state());
            assertEquals("datadir", taken.strategy());
            assertEquals(dataDir.toRealPath().toString(), taken.server());
            assertEquals(db.settings().database(), taken.schema());
            assertTrue(taken.sizeBytes() > 50L * 1024 * 1024, "a copy of the whole data directory: " + taken);
            assertEquals(List.of(taken), snapshots.list());
            assertEquals(before, SchemaFingerprint.of(db), "taking a snapshot changes nothing");

            failedMigration(db);
            db.execute("CREATE DATABASE `" + db.settings().database() + "_later`");
            assertNotEquals(before, SchemaFingerprint.of(db));

            snapshots.restore(Snapshot.MIGRATION, log);

            assertEquals(before, SchemaFingerprint.of(db));
            assertEquals(List.of(), snapshots.list(), "a restore drops the snapshot");
            assertFalse(Files.exists(snapshots.snapshotsDir().resolve(Snapshot.MIGRATION)));
            assertFalse(Files.exists(root.resolve("data.restoring")), "the moved-aside data directory is deleted");
            assertEquals(List.of(), db.column("SHOW DATABASES LIKE '" + db.settings().database() + "\\_later'"),
                    "the whole server goes back: a database created after the snapshot is gone");
            // the restored server works: the trigger fires, the counter continues after the gap
            db.execute("CALL add_order(5, 7.50)");
            assertEquals(List.of("1002"), db.column("SELECT MAX(order_id) FROM order_audit"));
            db.execute("INSERT INTO customers (name) VALUES ('after the restore')");
            assertEquals(List.of("13"), db.column("SELECT id FROM customers WHERE name = 'after the restore'"));
            assertEquals(List.of(), log.lines().stream().filter(l -> !l.startsWith("INFO Copying")
                    && !l.startsWith("INFO Restoring")).toList(), "only progress lines, if the copy was slow");
        }
    }

    @Test
    void stopKeepsTheDataDirectoryLockAndLetsGoOfTheServerFiles() throws Exception {
        try (TestDb db = freshSchema()) {
            DatadirSnapshot snapshots = strategy(db);
            ServerControl control = server.serverControl();
            Path lockFile = root.resolve("data.lock");
            long self = ProcessHandle.current().pid();
            assertTrue(snapshots.serverHoldsFiles(), "a running server holds ibdata1");
            assertTrue(posixLockHolders(lockFile).contains(self));

            control.stop();
            try {
                assertFalse(snapshots.serverHoldsFiles(), "stop() returns once the server has let go of its files");
                assertNoServerOn(dataDir);
                assertTrue(posixLockHolders(lockFile).contains(self), "the data directory stays locked while stopped");
            } finally {
                control.start();
            }
            assertTrue(snapshots.serverHoldsFiles());
            assertEquals(List.of("1"), db.column("SELECT 1"), "answers on the same port after start()");
            control.start();
            assertEquals(1, serversOn(dataDir).size(), "start() on a running server starts no second one");
        }
    }

    @Test
    void nothingIsCopiedWhileAServerStillRunsOnTheDataDirectory() throws Exception {
        try (TestDb db = freshSchema()) {
            fixture(db);
            // a control that does not stop this server: the running server's locks are noticed
            DatadirSnapshot notStopping = new DatadirSnapshot(dataDir, root.resolve("snapshots-"
                    + COUNTER.incrementAndGet()), db.settings().database(), DatadirSnapshot.SERVER_NOT_RUNNING, null,
                    Duration.ofSeconds(1));
            try (Connection open = DatabaseConnector.open(db.settings())) {
                SnapshotException refused = assertThrows(SnapshotException.class,
                        () -> notStopping.create("live", EngineLog.silent()));
                assertTrue(refused.getMessage().startsWith("A server still holds the files in " + dataDir.toRealPath()
                        + " 1 s after it was stopped"), refused.getMessage());
                assertTrue(open.isValid(5));
            }
            assertEquals(List.of(), notStopping.list());
            assertFalse(Files.exists(notStopping.snapshotsDir().resolve("live")), "the partial snapshot is removed");

            DatadirSnapshot snapshots = strategy(db);
            snapshots.create("ready", EngineLog.silent());
            DatadirSnapshot notStoppingForRestore = new DatadirSnapshot(dataDir, snapshots.snapshotsDir(),
                    db.settings().database(), DatadirSnapshot.SERVER_NOT_RUNNING, null, Duration.ofSeconds(1));
            SnapshotException refused = assertThrows(SnapshotException.class,
                    () -> notStoppingForRestore.restore("ready", EngineLog.silent()));
            assertTrue(refused.getMessage().endsWith("Nothing was changed."), refused.getMessage());
            assertEquals(List.of(SnapshotState.READY), snapshots.list().stream().map(Snapshot::state).toList());
            assertFalse(Files.exists(root.resolve("data.restoring")));
            snapshots.drop("ready", EngineLog.silent());
        }
    }

    @Test
    void aSnapshotLeftCreatingIsListedButNeverRestored() throws Exception {
        try (TestDb db = freshSchema()) {
            fixture(db);
            DatadirSnapshot snapshots = strategy(db);
            Snapshot taken = snapshots.create("killed", EngineLog.silent());
            // as a run killed while copying leaves it: marker CREATING, part of the copy missing
            Path dir = snapshots.snapshotsDir().resolve("killed");
            DatadirSnapshot.writeMarker(dir, withState(taken, SnapshotState.CREATING));
            FileUtils.deleteDirectory(dir.resolve("data").resolve(db.settings().database()).toFile());
            db.execute("INSERT INTO settings VALUES ('after', 'the snapshot')");
            Map<String, String> current = SchemaFingerprint.of(db);

            assertEquals(List.of(SnapshotState.CREATING), snapshots.list().stream().map(Snapshot::state).toList());
            try (Connection open = DatabaseConnector.open(db.settings())) {
                SnapshotException refused = assertThrows(SnapshotException.class,
                        () -> snapshots.restore("killed", EngineLog.silent()));
                assertTrue(refused.getMessage().contains("incomplete"), refused.getMessage());
                assertTrue(refused.getMessage().contains("-Drsx.snapshot.action=drop"), refused.getMessage());
                assertTrue(open.isValid(5), "the server was not stopped");
            }
            assertEquals(current, SchemaFingerprint.of(db));
            SnapshotException exists = assertThrows(SnapshotException.class,
                    () -> snapshots.create("killed", EngineLog.silent()));
            assertTrue(exists.getMessage().contains("exists already (creating"), exists.getMessage());

            snapshots.drop("killed", EngineLog.silent());
            snapshots.drop("killed", EngineLog.silent()); // dropping one that is gone does nothing
            assertEquals(List.of(), snapshots.list());
            assertFalse(Files.exists(dir));
        }
    }

    /** Where a restore can be killed after it moved the live data directory aside. */
    enum KilledRestore {
        BEFORE_COPYING,
        MID_COPY,
        BEFORE_DELETING_THE_OLD_DATA
    }

    @ParameterizedTest
    @EnumSource(KilledRestore.class)
    void aRestoreLeftRestoringIsCompletedByRestoringAgain(KilledRestore killed) throws Exception {
        try (TestDb db = freshSchema()) {
            fixture(db);
            Map<String, String> before = SchemaFingerprint.of(db);
            DatadirSnapshot snapshots = strategy(db);
            Snapshot taken = snapshots.create(Snapshot.MIGRATION, EngineLog.silent());
            failedMigration(db);

            // what a restore killed at that point leaves: marker RESTORING, server down, live data moved aside
            Path dir = snapshots.snapshotsDir().resolve(Snapshot.MIGRATION);
            Path aside = root.resolve("data.restoring");
            DatadirSnapshot.writeMarker(dir, withState(taken, SnapshotState.RESTORING));
            server.serverControl().stop();
            Files.move(dataDir, aside);
            if (killed == KilledRestore.MID_COPY) {
                Files.createDirectory(dataDir);
                FileUtils.copyDirectory(dir.resolve("data").resolve("mysql").toFile(), dataDir.resolve("mysql").toFile());
                Files.copy(dir.resolve("data").resolve("ibdata1"), dataDir.resolve("ibdata1"));
                Files.writeString(dataDir.resolve("ib_logfile0"), "torn");
            } else if (killed == KilledRestore.BEFORE_DELETING_THE_OLD_DATA) {
                FileUtils.copyDirectory(dir.resolve("data").toFile(), dataDir.toFile());
            }
            assertEquals(List.of(SnapshotState.RESTORING), snapshots.list().stream().map(Snapshot::state).toList());

            CapturingLog log = new CapturingLog();
            if (killed == KilledRestore.BEFORE_COPYING) {
                snapshots.restore(Snapshot.MIGRATION, log); // stops the stopped server (nothing), starts it
            } else {
                // as the next run does it: before it starts the server on a data directory that may be incomplete
                new DatadirSnapshot(dataDir, snapshots.snapshotsDir(), db.settings().database(),
                        DatadirSnapshot.SERVER_NOT_RUNNING).restore(Snapshot.MIGRATION, log);
                server.serverControl().start();
            }

            assertTrue(log.text().contains("Completing the interrupted restore of snapshot 'migration'"), log.text());
            assertEquals(before, SchemaFingerprint.of(db));
            assertFalse(Files.exists(aside));
            assertEquals(List.of(), snapshots.list());
        }
    }

    @Test
    void aSnapshotOfAnotherDataDirectoryOrSchemaIsRefused() throws Exception {
        try (TestDb db = freshSchema()) {
            fixture(db);
            DatadirSnapshot snapshots = strategy(db);
            snapshots.create("mine", EngineLog.silent());
            db.execute("INSERT INTO settings VALUES ('after', 'the snapshot')");
            Map<String, String> current = SchemaFingerprint.of(db);
            Path otherDataDir = Files.createDirectories(root.resolve("other-data"));
            Files.writeString(otherDataDir.resolve("ibdata1"), "another server's");

            DatadirSnapshot otherServer = new DatadirSnapshot(otherDataDir, snapshots.snapshotsDir(),
                    db.settings().database(), server.serverControl());
            DatadirSnapshot otherSchema = new DatadirSnapshot(dataDir, snapshots.snapshotsDir(), "another_schema",
                    server.serverControl());
            try (Connection open = DatabaseConnector.open(db.settings())) {
                SnapshotException refused = assertThrows(SnapshotException.class,
                        () -> otherServer.restore("mine", EngineLog.silent()));
                assertTrue(refused.getMessage().contains("is a copy of the data directory " + dataDir.toRealPath()
                        + ", not of " + otherDataDir.toRealPath()), refused.getMessage());
                SnapshotException wrongSchema = assertThrows(SnapshotException.class,
                        () -> otherSchema.restore("mine", EngineLog.silent()));
                assertTrue(wrongSchema.getMessage().contains("for schema '" + db.settings().database()
                        + "', not 'another_schema'"), wrongSchema.getMessage());
                assertTrue(open.isValid(5), "the server was not stopped");
            }
            assertEquals("another server's", Files.readString(otherDataDir.resolve("ibdata1")));
            assertEquals(List.of(), otherServer.list(), "lists only its own data directory's snapshots");
            assertEquals(List.of(), otherSchema.list());
            assertEquals(List.of(SnapshotState.READY), snapshots.list().stream().map(Snapshot::state).toList());
            assertEquals(current, SchemaFingerprint.of(db));
            snapshots.drop("mine", EngineLog.silent());
        }
    }

    @Test
    void notEnoughFreeSpaceFailsBeforeAnythingIsTouched() throws Exception {
        try (TestDb db = freshSchema()) {
            fixture(db);
            Path snapshotsDir = root.resolve("snapshots-" + COUNTER.incrementAndGet());
            String schema = db.settings().database();
            DatadirSnapshot full = new DatadirSnapshot(dataDir, snapshotsDir, schema, server.serverControl(),
                    () -> 10L, Duration.ofSeconds(60));

            try (Connection open = DatabaseConnector.open(db.settings())) {
                SnapshotException refused = assertThrows(SnapshotException.class,
                        () -> full.create(Snapshot.MIGRATION, EngineLog.silent()));
                assertTrue(refused.getMessage().matches("(?s)Cannot take snapshot 'migration' of .*: needs \\d+ MB,"
                        + " 0 MB free on .+; free space or use rsx.snapshot.strategy=logical\\."), refused.getMessage());
                assertTrue(open.isValid(5), "the server was not stopped");
            }
            assertFalse(Files.exists(snapshotsDir.resolve(Snapshot.MIGRATION)), "nothing was written");
            assertEquals(List.of(), full.list());

            // the same for a restore: the snapshot stays ready, the data directory as it is
            DatadirSnapshot roomy = new DatadirSnapshot(dataDir, snapshotsDir, schema, server.serverControl());
            roomy.create(Snapshot.MIGRATION, EngineLog.silent());
            db.execute("INSERT INTO settings VALUES ('after', 'the snapshot')");
            Map<String, String> current = SchemaFingerprint.of(db);
            try (Connection open = DatabaseConnector.open(db.settings())) {
                SnapshotException refused = assertThrows(SnapshotException.class,
                        () -> full.restore(Snapshot.MIGRATION, EngineLog.silent()));
                assertTrue(refused.getMessage().contains("needs "), refused.getMessage());
                assertTrue(open.isValid(5), "the server was not stopped");
            }
            assertEquals(current, SchemaFingerprint.of(db));
            assertEquals(List.of(SnapshotState.READY), roomy.list().stream().map(Snapshot::state).toList());
            assertFalse(Files.exists(root.resolve("data.restoring")));
            roomy.drop(Snapshot.MIGRATION, EngineLog.silent());
        }
    }

    @Test
    void namesAreCheckedAndSnapshotsListedOldestFirst() throws Exception {
        try (TestDb db = freshSchema()) {
            DatadirSnapshot snapshots = strategy(db);
            assertEquals("datadir", snapshots.name());
            assertEquals(List.of(), snapshots.list(), "no snapshots directory yet");
            assertThrows(SnapshotException.class, () -> snapshots.create("../escape", EngineLog.silent()));
            assertThrows(SnapshotException.class, () -> snapshots.restore(".hidden", EngineLog.silent()));
            SnapshotException nested = assertThrows(SnapshotException.class, () -> new DatadirSnapshot(dataDir,
                    dataDir.resolve("snapshots"), "s", server.serverControl()));
            assertTrue(nested.getMessage().contains("must not contain each other"), nested.getMessage());
            SnapshotException missing = assertThrows(SnapshotException.class,
                    () -> snapshots.restore("nothing", EngineLog.silent()));
            assertTrue(missing.getMessage().contains("There is no snapshot named 'nothing'"), missing.getMessage());

            Snapshot first = snapshots.create("first", EngineLog.silent());
            Snapshot second = snapshots.create("second", EngineLog.silent());
            assertEquals(List.of("first", "second"), snapshots.list().stream().map(Snapshot::name).toList());
            assertTrue(!second.createdAt().isBefore(first.createdAt()));
            assertEquals(second, snapshots.find("second").orElseThrow());
            snapshots.drop("first", EngineLog.silent());
            snapshots.drop("second", EngineLog.silent());
            assertEquals(List.of(), snapshots.list());
            try (Stream<Path> left = Files.list(snapshots.snapshotsDir())) {
                assertEquals(List.of(), left.toList(), "dropping leaves nothing behind");
            }
        }
    }

    @Test
    void longCopiesPrintProgressAboutOncePerSecond() {
        CapturingLog log = new CapturingLog();
        AtomicLong now = new AtomicLong();
        long mb = 1024 * 1024;
        CopyProgress progress = new CopyProgress("Copying the data directory", 200 * mb, log, now::get);
        for (int tenth = 1; tenth <= 25; tenth++) { // 8 MB every 100 ms: 80 MB/s
            now.set(TimeUnit.MILLISECONDS.toNanos(100L * tenth));
            progress.add(8 * mb);
        }
        progress.finish();

        assertEquals(List.of(
                "INFO Copying the data directory: 80.0 / 200.0 MB (40%), 80.0 MB/s, about 2 s left",
                "INFO Copying the data directory: 160.0 / 200.0 MB (80%), 80.0 MB/s, about 1 s left",
                "INFO Copying the data directory: done, 200.0 MB in 2.5 s (80.0 MB/s)"), log.lines());

        CapturingLog quiet = new CapturingLog();
        CopyProgress quick = new CopyProgress("Copying the data directory", 200 * mb, quiet, now::get);
        quick.add(200 * mb);
        quick.finish();
        assertEquals(List.of(), quiet.lines(), "a copy done within a second prints nothing");
    }

    /** Times a snapshot of a ~200 MB data directory against {@code cp -a}: {@code -Drsx.bench.copy=true}. */
    @Test
    @EnabledIfSystemProperty(named = "rsx.bench.copy", matches = "true")
    void copySpeedComparedWithCpA() throws Exception {
        try (TestDb db = freshSchema()) {
            db.execute("CREATE TABLE filler (id INT AUTO_INCREMENT PRIMARY KEY, payload LONGBLOB) ENGINE=InnoDB");
            db.execute("INSERT INTO filler (payload) SELECT REPEAT(MD5(RAND()), 32768) FROM seq_1_to_60");
            DatadirSnapshot snapshots = strategy(db);
            ServerControl control = server.serverControl();
            control.stop();
            long size;
            long ours;
            long cp = 0;
            try {
                size = DirectoryCopy.sizeOf(dataDir);
                Path target = root.resolve("bench-copy");
                Path cpTarget = root.resolve("bench-cp");
                // cp -a once first to warm the page cache, then alternating, so neither gets a warmer cache
                copyWithCp(dataDir, cpTarget);
                for (int round = 1; round <= 6; round++) {
                    FileUtils.deleteDirectory(target.toFile());
                    FileUtils.deleteDirectory(cpTarget.toFile());
                    boolean oursFirst = round % 2 == 1;
                    if (!oursFirst) {
                        cp = copyWithCp(dataDir, cpTarget);
                    }
                    long t0 = System.nanoTime();
                    DirectoryCopy.copy(dataDir, target, new CopyProgress("bench", size, EngineLog.silent()));
                    ours = System.nanoTime() - t0;
                    if (oursFirst) {
                        cp = copyWithCp(dataDir, cpTarget);
                    }
                    System.out.printf("copy-bench round %d: %.1f MB, DirectoryCopy %d ms, cp -a %d ms, ratio %.2f%n",
                            round, size / 1048576.0, ours / 1_000_000, cp / 1_000_000, ours / (double) cp);
                }
                FileUtils.deleteDirectory(target.toFile());
                FileUtils.deleteDirectory(cpTarget.toFile());
            } finally {
                control.start();
            }
            long t0 = System.nanoTime();
            snapshots.create("bench", EngineLog.silent());
            System.out.printf("copy-bench create() incl. stop/start: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            snapshots.drop("bench", EngineLog.silent());
        }
    }

    private static long copyWithCp(Path from, Path to) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return System.nanoTime() - t0;
    }

    // --- fixture -------------------------------------------------------------------------------------------------

    private static TestDb freshSchema() {
        String name = "snap_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        ConnectionSettings serverSettings = new ConnectionSettings(JdbcUrl.parse(server.jdbcUrl("")), "root", "");
        try (Connection c = DatabaseConnector.openServer(serverSettings); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestDb("datadir", new ConnectionSettings(JdbcUrl.parse(server.jdbcUrl(name)), "root", ""));
    }

    private static DatadirSnapshot strategy(TestDb db) {
        return new DatadirSnapshot(dataDir, root.resolve("snapshots-" + COUNTER.incrementAndGet()),
                db.settings().database(), server.serverControl());
    }

    /** Foreign keys, a trigger, a view, a procedure, AUTO_INCREMENT gaps, utf8mb4 text and BLOBs, InnoDB and Aria. */
    static void fixture(TestDb db) {
        db.execute("CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, photo BLOB,"
                + " UNIQUE KEY uq_customers_name (name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
                + " COLLATE=utf8mb4_unicode_ci");
        db.execute("CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL,"
                + " total DECIMAL(10,2) NOT NULL, note TEXT, KEY ix_orders_customer (customer_id),"
                + " CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)"
                + " ON DELETE CASCADE) ENGINE=InnoDB");
        db.execute("CREATE TABLE order_audit (id INT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL,"
                + " noted_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB");
        db.execute("CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v VARCHAR(200)) ENGINE=Aria");
        db.execute("INSERT INTO customers (id, name, photo) VALUES (1, 'Zoë 🦊', X'00FF7F80'),"
                + " (5, 'Łukasz Żółć', NULL), (9, '山田太郎', REPEAT(X'AB00', 30000)), (12, 'gone', NULL)");
        db.execute("DELETE FROM customers WHERE id = 12"); // AUTO_INCREMENT 13, with gaps below
        db.execute("ALTER TABLE orders AUTO_INCREMENT = 1000");
        db.execute("CREATE TRIGGER orders_after_insert AFTER INSERT ON orders FOR EACH ROW"
                + " INSERT INTO order_audit (order_id) VALUES (NEW.id)");
        db.execute("CREATE PROCEDURE add_order(IN p_customer INT, IN p_total DECIMAL(10,2))"
                + " BEGIN INSERT INTO orders (customer_id, total, note) VALUES (p_customer, p_total, 'über ✓'); END");
        db.execute("CALL add_order(1, 19.99)");
        db.execute("CALL add_order(5, 5.00)");
        db.execute("CREATE VIEW customer_totals AS SELECT c.name, SUM(o.total) AS total FROM customers c"
                + " JOIN orders o ON o.customer_id = c.id GROUP BY c.name");
        db.execute("INSERT INTO settings VALUES ('greeting', 'grüß dich 👋')");
    }

    /** A migration that got half-way: DDL and data changes committed, then a statement failed. */
    static void failedMigration(TestDb db) {
        db.execute("CREATE TABLE invoices (id INT PRIMARY KEY, order_id BIGINT,"
                + " CONSTRAINT fk_invoices_order FOREIGN KEY (order_id) REFERENCES orders (id))");
        db.execute("ALTER TABLE customers ADD COLUMN email VARCHAR(200)");
        db.execute("CALL add_order(9, 1.00)");
        db.execute("UPDATE customers SET photo = X'01', name = 'Zoe' WHERE id = 1");
        db.execute("DROP VIEW customer_totals");
        db.execute("DROP TRIGGER orders_after_insert");
        db.execute("DROP PROCEDURE add_order");
        db.execute("CREATE PROCEDURE add_order(IN p_customer INT) BEGIN SELECT p_customer; END");
        db.execute("DELETE FROM settings");
        db.execute("ALTER TABLE orders AUTO_INCREMENT = 5000");
        assertThrows(IllegalStateException.class, () -> db.execute("ALTER TABLE orderz ADD COLUMN status INT"));
    }

    private static Snapshot withState(Snapshot s, SnapshotState state) {
        return new Snapshot(s.name(), s.strategy(), s.server(), s.schema(), s.createdAt(), s.sizeBytes(), state);
    }

    // --- processes and locks -----------------------------------------------------------------------------------

    /** Fails when a mariadbd runs on {@code dir}, after giving one that is exiting a few seconds. */
    static void assertNoServerOn(Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> running = serversOn(dir);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            running = serversOn(dir);
        }
        assertEquals(List.of(), running, "no mariadbd may be left running on " + dir);
    }

    static List<String> serversOn(Path dir) {
        String datadirArgument = "--datadir=" + dir;
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(datadirArgument))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    /** The processes holding a POSIX (fcntl) lock on {@code file}, from /proc/locks. */
    static List<Long> posixLockHolders(Path file) throws IOException {
        Object inode = Files.getAttribute(file, "unix:ino");
        String suffix = ":" + inode;
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length > 5 && f[1].equals("POSIX") && f[5].endsWith(suffix))
                .map(f -> Long.parseLong(f[4]))
                .toList();
    }
}
