package dev.rsx.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EngineLog;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.SchemaFingerprint;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogicalSnapshotTest {

    /** Every target, with every point a restore can be killed at. */
    static Stream<Arguments> restoreKills() {
        return TestDatabases.targets().stream().flatMap(target -> Stream.of("objects-dropped", "tables-dropped", "tables-moved",
                "objects-created", "counters-restored").map(step -> Arguments.of(target, step)));
    }

    /** Stands for kill -9: nothing in the snapshot code catches an Error, so no cleanup runs. */
    private static final class Killed extends Error {
        Killed(String step) {
            super("killed after " + step);
        }
    }

    private static LogicalSnapshot snapshots(TestDb db) {
        return new LogicalSnapshot(db.settings());
    }

    /** Closed before the test's database: drops whatever snapshots of it a failed test left on the server. */
    private interface Cleanup extends AutoCloseable {
        @Override
        void close();
    }

    private static Cleanup dropsSnapshots(TestDb db) {
        return () -> {
            LogicalSnapshot snapshots = snapshots(db);
            snapshots.list().forEach(s -> snapshots.drop(s.name(), new CapturingLog()));
        };
    }

    private static void killAt(LogicalSnapshot snapshots, String step) {
        snapshots.afterStep = s -> {
            if (s.equals(step)) {
                throw new Killed(step);
            }
        };
    }

    /** Runs {@code statements} in one session, so session settings apply to the ones after them. */
    private static void session(TestDb db, String... statements) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Foreign keys (named and generated), triggers (two on one table, in order), a view on a view, a procedure, a
     * function, a disabled event, AUTO_INCREMENT gaps, a row with id 0, generated and invisible columns, utf8mb4 text
     * with emoji, BLOBs, a TIMESTAMP, and a MyISAM table.
     */
    private static void fixture(TestDb db) {
        db.execute("CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                + " note TEXT, secret INT INVISIBLE DEFAULT 7, UNIQUE KEY uk_name (name))");
        db.execute("CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                + " total DECIMAL(10,2) NOT NULL, cents BIGINT AS (total * 100) STORED, label VARCHAR(30) AS (CONCAT('#', customer_id)) VIRTUAL,"
                + " payload BLOB, placed TIMESTAMP(3) NULL, CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id)"
                + " REFERENCES customers (id) ON DELETE CASCADE)");
        db.execute("CREATE TABLE order_lines (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL,"
                + " product VARCHAR(50) NOT NULL, FOREIGN KEY (order_id) REFERENCES orders (id))");
        db.execute("CREATE TABLE audit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, message VARCHAR(200) NOT NULL)");
        db.execute("CREATE TABLE legacy (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, word VARCHAR(20)) ENGINE=MyISAM");
        db.execute("CREATE TABLE empty_one (code CHAR(3) NOT NULL PRIMARY KEY)");
        db.execute("CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW"
                + " INSERT INTO audit (message) VALUES (CONCAT('order ', NEW.id))");
        db.execute("CREATE TRIGGER orders_audit_2 AFTER INSERT ON orders FOR EACH ROW"
                + " INSERT INTO audit (message) VALUES (CONCAT('second ', NEW.id))");
        db.execute("CREATE TRIGGER customers_trim BEFORE UPDATE ON customers FOR EACH ROW SET NEW.name = TRIM(NEW.name)");
        db.execute("CREATE VIEW customer_orders AS SELECT c.id AS customer_id, c.name, o.id AS order_id, o.total"
                + " FROM customers c JOIN orders o ON o.customer_id = c.id");
        db.execute("CREATE VIEW big_orders AS SELECT customer_id, name, total FROM customer_orders WHERE total > 100");
        db.execute("CREATE PROCEDURE add_customer(IN n VARCHAR(100)) BEGIN INSERT INTO customers (name) VALUES (n); END");
        db.execute("CREATE FUNCTION order_count(cid BIGINT) RETURNS INT READS SQL DATA"
                + " RETURN (SELECT COUNT(*) FROM orders WHERE customer_id = cid)");
        db.execute("CREATE EVENT purge_audit ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE"
                + " DO DELETE FROM audit WHERE id < 0");

        db.execute("INSERT INTO customers (name, note) VALUES ('Ada', 'caf\u00e9 \uD83D\uDE00 \u00fcber'), ('Bob', NULL),"
                + " ('Cy', 'x'), ('Dee', 'y'), ('Eve', 'z'), ('Fay', 'w')");
        db.execute("DELETE FROM customers WHERE name IN ('Eve', 'Fay', 'Cy')"); // counter 7, highest id 4, gap at 3
        session(db, "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')",
                "INSERT INTO customers (id, name) VALUES (0, 'Zero')");
        db.execute("INSERT INTO orders (customer_id, total, payload, placed) VALUES"
                + " (1, 150.00, REPEAT(UNHEX('00FF7F80'), 10000), '2024-03-31 01:30:00.123'),"
                + " (2, 20.50, UNHEX('DEADBEEF00'), NULL), (1, 99.99, NULL, '2025-10-26 02:30:00.000'), (4, 1.00, '', NULL)");
        db.execute("DELETE FROM orders WHERE id = 4");
        db.execute("INSERT INTO order_lines (order_id, product) VALUES (1, 'widget'), (1, 'gadget \u2603'), (2, 'thing')");
        db.execute("INSERT INTO legacy (word) VALUES ('a'), ('b'), ('c')");
        db.execute("DELETE FROM legacy WHERE word = 'c'");
    }

    /** What a migration that failed half-way may have committed. */
    private static void partialMigration(TestDb db) {
        db.execute("CREATE TABLE invoices (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id BIGINT,"
                + " FOREIGN KEY (order_id) REFERENCES orders (id))");
        db.execute("INSERT INTO invoices (order_id) VALUES (1)");
        db.execute("ALTER TABLE customers ADD COLUMN phone VARCHAR(20)");
        db.execute("INSERT INTO customers (name, phone) VALUES ('New', '123')");
        db.execute("INSERT INTO orders (customer_id, total) VALUES (2, 500)");
        db.execute("DELETE FROM order_lines WHERE product = 'thing'");
        db.execute("UPDATE customers SET note = 'changed' WHERE name = 'Ada'");
        db.execute("UPDATE orders SET payload = NULL WHERE id = 1");
        db.execute("INSERT INTO legacy (word) VALUES ('d')");
        db.execute("DROP VIEW big_orders");
        db.execute("DROP FUNCTION order_count");
        db.execute("DROP TABLE empty_one");
        db.execute("CREATE TRIGGER lines_check BEFORE INSERT ON order_lines FOR EACH ROW SET NEW.product = UPPER(NEW.product)");
        db.execute("CREATE PROCEDURE new_proc() SELECT 1");
        db.execute("CREATE EVENT new_event ON SCHEDULE EVERY 1 HOUR DISABLE DO SELECT 1");
        db.execute("CREATE VIEW big_orders AS SELECT 1 AS changed_view");
    }

    @OnEveryTarget
    void restoresTheSchemaExactlyAfterAPartlyCommittedMigration(String target) {
        try (TestDb db = TestDatabases.fresh(target); Cleanup cleanup = dropsSnapshots(db)) {
            fixture(db);
            Map<String, String> before = SchemaFingerprint.of(db);
            assertEquals(26, before.size(), before.keySet().toString());
            LogicalSnapshot snapshots = snapshots(db);
            CapturingLog log = new CapturingLog();

            Snapshot snapshot = snapshots.create("migration", log);

            assertEquals("migration", snapshot.name());
            assertEquals("logical", snapshot.strategy());
            assertEquals(SnapshotState.READY, snapshot.state());
            assertEquals(db.settings().database(), snapshot.schema());
            assertEquals(List.of(snapshot), snapshots.list());
            assertEquals(before, SchemaFingerprint.of(db), "taking a snapshot changes nothing");

            partialMigration(db);
            assertNotEquals(before, SchemaFingerprint.of(db));

            snapshots.restore("migration", log);

            assertEquals(before, SchemaFingerprint.of(db));
            assertEquals(List.of(), snapshots.list());
            assertEquals(List.of(), db.column("SELECT schema_name FROM information_schema.schemata WHERE schema_name = '"
                    + LogicalSnapshot.shadowSchema(db.settings().database(), "migration") + "'"));
            assertEquals(List.of(), log.lines());
            // The restored objects work: triggers fire in their order, the function and the views answer.
            db.execute("INSERT INTO orders (customer_id, total) VALUES (2, 300)");
            assertEquals(List.of("second 5", "order 5"), db.column("SELECT message FROM audit ORDER BY id DESC LIMIT 2"));
            assertEquals(List.of("2"), db.column("SELECT order_count(1)"));
            assertEquals(List.of("Ada", "Bob"), db.column("SELECT name FROM big_orders ORDER BY name"));
            assertEquals(List.of("0", "1", "2", "4"), db.column("SELECT id FROM customers ORDER BY id"));
        }
    }

    @OnEveryTarget
    void refusesAnExistingNameAndAMissingSnapshot(String target) {
        try (TestDb db = TestDatabases.fresh(target); Cleanup cleanup = dropsSnapshots(db)) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            LogicalSnapshot snapshots = snapshots(db);
            snapshots.create("twice", new CapturingLog());

            SnapshotException exists = assertThrows(SnapshotException.class, () -> snapshots.create("twice", new CapturingLog()));
            assertTrue(exists.getMessage().startsWith("A snapshot named 'twice' of schema " + db.settings().database()
                    + " exists already (taken "), exists.getMessage());
            assertTrue(exists.getMessage().endsWith("Restore it, or drop it with:"
                    + " mvn rsx:snapshot -Drsx.snapshot.action=drop -Drsx.snapshot.name=twice"), exists.getMessage());

            SnapshotException missing = assertThrows(SnapshotException.class, () -> snapshots.restore("nope", new CapturingLog()));
            assertEquals("There is no snapshot named 'nope' of schema " + db.settings().database() + " on "
                    + db.settings().url().hostAndPort() + ". List the snapshots with: mvn rsx:snapshot -Drsx.snapshot.action=list",
                    missing.getMessage());

            snapshots.drop("nope", new CapturingLog());
            snapshots.drop("twice", new CapturingLog());
            assertEquals(List.of(), snapshots.list());
            snapshots.create("twice", new CapturingLog());
            assertEquals(List.of("twice"), snapshots.list().stream().map(Snapshot::name).toList());
            snapshots.drop("twice", new CapturingLog());
        }
    }

    @OnEveryTarget
    void saysWhetherItCouldCheckFreeSpaceAndRefusesWhatItCannotCopyExactly(String target) {
        try (TestDb db = TestDatabases.fresh(target); Cleanup cleanup = dropsSnapshots(db)) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            List<String> debug = new ArrayList<>();
            snapshots(db).create("space", new EngineLog() {
                @Override
                public void debug(String message) {
                    debug.add(message);
                }

                @Override
                public void info(String message) {}

                @Override
                public void warn(String message) {}

                @Override
                public void error(String message) {}

                @Override
                public boolean isDebugEnabled() {
                    return true;
                }
            });
            assertEquals(1, debug.stream().filter(line -> line.startsWith("Free space for the snapshot")).count(),
                    debug.toString());

            if (db.column("SELECT VERSION()").get(0).contains("MariaDB")) {
                db.execute("CREATE SEQUENCE counter");
                SnapshotException refused = assertThrows(SnapshotException.class,
                        () -> snapshots(db).create("sequence", new CapturingLog()));
                assertEquals("Table " + db.settings().database() + ".counter is a SEQUENCE, which a logical snapshot cannot"
                        + " copy exactly. Use rsx.snapshot.strategy=datadir for this schema.", refused.getMessage());
                assertTrue(snapshots(db).find("sequence").isEmpty(), "nothing was created");
            }
        }
    }

    @OnEveryTarget
    void aKilledCreateLeavesAnIncompleteSnapshotThatIsNeverRestored(String target) {
        try (TestDb db = TestDatabases.fresh(target); Cleanup cleanup = dropsSnapshots(db)) {
            fixture(db);
            Map<String, String> before = SchemaFingerprint.of(db);
            LogicalSnapshot snapshots = snapshots(db);
            killAt(snapshots, "copied");

            assertThrows(Killed.class, () -> snapshots.create("migration", new CapturingLog()));

            List<Snapshot> listed = snapshots.list();
            assertEquals(List.of(SnapshotState.CREATING), listed.stream().map(Snapshot::state).toList());
            assertEquals(listed, List.of(snapshots.find("migration").orElseThrow()));
            LogicalSnapshot restorer = snapshots(db);
            SnapshotException refused = assertThrows(SnapshotException.class, () -> restorer.restore("migration", new CapturingLog()));
            assertEquals("Snapshot 'migration' of schema " + db.settings().database() + " ("
                    + LogicalSnapshot.shadowSchema(db.settings().database(), "migration") + ") is incomplete: its creation was"
                    + " interrupted, so it cannot be restored. It will be dropped by the next rsx:migrate, or drop it now with:"
                    + " mvn rsx:snapshot -Drsx.snapshot.action=drop -Drsx.snapshot.name=migration", refused.getMessage());
            assertEquals(before, SchemaFingerprint.of(db), "the refused restore touched nothing");
            SnapshotException exists = assertThrows(SnapshotException.class, () -> restorer.create("migration", new CapturingLog()));
            assertTrue(exists.getMessage().contains("(incomplete: its creation was interrupted)"), exists.getMessage());

            restorer.drop("migration", new CapturingLog());
            assertEquals(List.of(), restorer.list());
        }
    }

    @OnEveryTarget
    void aCreateKilledBeforeItsMetadataWasWrittenIsFoundAsIncomplete(String target) {
        try (TestDb db = TestDatabases.fresh(target); Cleanup cleanup = dropsSnapshots(db)) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            LogicalSnapshot snapshots = snapshots(db);
            String shadow = LogicalSnapshot.shadowSchema(db.settings().database(), "early");
            db.execute("CREATE DATABASE `" + shadow + "`"); // the first statement of a create, then the kill
            try {
                assertEquals(SnapshotState.CREATING, snapshots.find("early").orElseThrow().state());
                assertThrows(SnapshotException.class, () -> snapshots.restore("early", new CapturingLog()));
                assertThrows(SnapshotException.class, () -> snapshots.create("early", new CapturingLog()));
                snapshots.drop("early", new CapturingLog());
                assertTrue(snapshots.find("early").isEmpty());
            } finally {
                db.execute("DROP DATABASE IF EXISTS `" + shadow + "`");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("restoreKills")
    void aKilledRestoreIsCompletedByRestoringAgain(String target, String step) {
        try (TestDb db = TestDatabases.fresh(target); Cleanup cleanup = dropsSnapshots(db)) {
            fixture(db);
            Map<String, String> before = SchemaFingerprint.of(db);
            LogicalSnapshot snapshots = snapshots(db);
            snapshots.create("migration", new CapturingLog());
            partialMigration(db);
            killAt(snapshots, step);

            assertThrows(Killed.class, () -> snapshots.restore("migration", new CapturingLog()));

            assertEquals(List.of(SnapshotState.RESTORING), snapshots.list().stream().map(Snapshot::state).toList());
            CapturingLog log = new CapturingLog();
            snapshots(db).restore("migration", log);

            assertEquals(before, SchemaFingerprint.of(db));
            assertEquals(List.of(), snapshots.list());
            assertEquals(List.of("INFO Continuing the interrupted restore of snapshot 'migration'."), log.lines());
        }
    }

    @OnEveryTarget
    void aSnapshotBelongsToItsSchemaAndServer(String target) {
        try (TestDb a = TestDatabases.fresh(target); TestDb b = TestDatabases.fresh(target); Cleanup cleanup = dropsSnapshots(a)) {
            a.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            a.execute("INSERT INTO t VALUES (1)");
            b.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            LogicalSnapshot ofA = snapshots(a);
            LogicalSnapshot ofB = snapshots(b);
            ofA.create("mine", new CapturingLog());

            assertEquals(List.of(), ofB.list(), "B does not see A's snapshots");
            assertThrows(SnapshotException.class, () -> ofB.restore("mine", new CapturingLog()));
            assertEquals(List.of(), b.column("SELECT id FROM t"));

            String shadow = LogicalSnapshot.shadowSchema(a.settings().database(), "mine");
            String meta = "`" + shadow + "`.`_rsx_snapshot`";
            String serverId = a.column("SELECT server_id FROM " + meta).get(0);
            a.execute("UPDATE " + meta + " SET source_schema = '" + b.settings().database() + "'");
            SnapshotException otherSchema = assertThrows(SnapshotException.class, () -> ofA.restore("mine", new CapturingLog()));
            assertEquals("Snapshot 'mine' (" + shadow + ") was taken of schema " + b.settings().database() + ", not of "
                    + a.settings().database() + "; it is never restored onto another schema. Connect to "
                    + b.settings().database() + " to restore it, or drop it.", otherSchema.getMessage());

            a.execute("UPDATE " + meta + " SET source_schema = '" + a.settings().database() + "', server_id = 'elsewhere'");
            SnapshotException otherServer = assertThrows(SnapshotException.class, () -> ofA.restore("mine", new CapturingLog()));
            assertTrue(otherServer.getMessage().startsWith("Snapshot 'mine' of schema " + a.settings().database()
                    + " was taken on server "), otherServer.getMessage());
            assertTrue(otherServer.getMessage().contains(" elsewhere, but this is server "), otherServer.getMessage());
            assertTrue(otherServer.getMessage().endsWith("it is never restored onto another server. Drop it with:"
                    + " mvn rsx:snapshot -Drsx.snapshot.action=drop -Drsx.snapshot.name=mine"), otherServer.getMessage());
            assertEquals(List.of(SnapshotState.READY), ofA.list().stream().map(Snapshot::state).toList(),
                    "a refused restore leaves the snapshot as it was");

            a.execute("UPDATE " + meta + " SET server_id = '" + serverId.replace("'", "''") + "'");
            a.execute("DELETE FROM t");
            ofA.restore("mine", new CapturingLog());
            assertEquals(List.of("1"), a.column("SELECT id FROM t"));
            assertFalse(ofA.find("mine").isPresent());
        }
    }
}
