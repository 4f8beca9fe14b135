package dev.rsx.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.SchemaFingerprint;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot that copies only the tables a run can write, and falls back to copying everything whenever the schema
 * makes that set unknowable; the restore is exact on both paths.
 */
class TargetedSnapshotTest {

    private static final String SNAPSHOT = "targeted";

    /** Every target, once with the snapshot of the written tables and once with the full one. */
    static Stream<Arguments> bothPaths() {
        return TestDatabases.targets().stream().flatMap(target -> Stream.of(Arguments.of(target, true), Arguments.of(target, false)));
    }

    /**
     * customers &lt;- orders (ON DELETE CASCADE) &lt;- order_lines; a large table nothing links to, a table with a
     * trigger of its own, a view and a procedure (neither can write on their own).
     */
    private static void fixture(TestDb db) {
        db.execute("CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        db.execute("CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                + " CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE)");
        db.execute("CREATE TABLE order_lines (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL,"
                + " FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE)");
        db.execute("CREATE TABLE catalog (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(20) NOT NULL)");
        db.execute("CREATE TABLE audit (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, message VARCHAR(100))");
        db.execute("CREATE TRIGGER audit_trim BEFORE INSERT ON audit FOR EACH ROW SET NEW.message = TRIM(NEW.message)");
        db.execute("CREATE VIEW customer_orders AS SELECT c.name, o.id FROM customers c JOIN orders o ON o.customer_id = c.id");
        db.execute("CREATE PROCEDURE add_customer(IN n VARCHAR(100)) BEGIN INSERT INTO customers (name) VALUES (n); END");
        db.execute("INSERT INTO customers (name) VALUES ('Ada'), ('Bob'), ('Cy')");
        db.execute("INSERT INTO orders (customer_id) VALUES (1), (1), (2), (3)");
        db.execute("INSERT INTO order_lines (order_id) VALUES (1), (2), (3), (4)");
        db.execute("INSERT INTO catalog (sku) VALUES " + String.join(", ", IntStream.rangeClosed(1, 500)
                .mapToObj(i -> "('sku-" + i + "')").toList()));
        db.execute("INSERT INTO audit (message) VALUES (' kept ')");
    }

    /** What a migration that writes customers committed before it failed, cascades and new objects included. */
    private static void partialMigrationOfCustomers(TestDb db) {
        db.execute("ALTER TABLE customers ADD COLUMN phone VARCHAR(20) NULL");
        db.execute("INSERT INTO customers (name, phone) VALUES ('New', '123')");
        db.execute("DELETE FROM customers WHERE name = 'Ada'"); // cascades to orders and order_lines
        db.execute("CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT)");
        db.execute("DROP VIEW customer_orders");
        db.execute("CREATE PROCEDURE new_proc() SELECT 1");
    }

    private static List<String> copiedTables(TestDb db) {
        return db.column("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + LogicalSnapshot.shadowSchema(db.settings().database(), SNAPSHOT) + "' AND table_name NOT LIKE '\\_rsx\\_%'")
                .stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}, targeted: {1}")
    @MethodSource("bothPaths")
    void restoresExactlyWhetherItCopiedTheWrittenTablesOrAll(String target, boolean targeted) {
        try (TestDb db = TestDatabases.fresh(target)) {
            fixture(db);
            Map<String, String> before = SchemaFingerprint.of(db);
            LogicalSnapshot snapshots = new LogicalSnapshot(db.settings());
            CapturingLog log = new CapturingLog();

            if (targeted) {
                snapshots.create(SNAPSHOT, Set.of("customers", "invoices"), log);
                assertEquals(List.of("customers", "order_lines", "orders"), copiedTables(db),
                        "the written table and the tables its deletes cascade to; invoices does not exist yet");
                assertTrue(log.text().contains("Snapshot of the 3 of 5 tables the pending migrations can change"), log.text());
            } else {
                snapshots.create(SNAPSHOT, log);
                assertEquals(List.of("audit", "catalog", "customers", "order_lines", "orders"), copiedTables(db));
            }
            assertEquals(before, SchemaFingerprint.of(db), "taking a snapshot changes nothing");

            partialMigrationOfCustomers(db);
            assertNotEquals(before, SchemaFingerprint.of(db));

            snapshots.restore(SNAPSHOT, log);

            assertEquals(before, SchemaFingerprint.of(db));
            assertEquals(List.of(), snapshots.list());
            assertEquals(List.of("1", "2"), db.column("SELECT id FROM orders WHERE customer_id = 1 ORDER BY id"),
                    "the cascaded rows are back");
        }
    }

    static Stream<Arguments> schemasThatNeedEverything() {
        return TestDatabases.targets().stream().flatMap(target -> Stream.of(
                Arguments.of(target, "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE"
                        + " DO DELETE FROM catalog", "the schema has events"),
                Arguments.of(target, "CREATE FUNCTION touch_catalog() RETURNS INT MODIFIES SQL DATA"
                        + " BEGIN DELETE FROM catalog; RETURN 1; END", "the schema has stored functions"),
                Arguments.of(target, "CREATE TRIGGER customers_log AFTER INSERT ON customers FOR EACH ROW"
                        + " DELETE FROM catalog WHERE id = NEW.id", "table customers has triggers")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("schemasThatNeedEverything")
    void copiesEveryTableWhenSomethingInTheSchemaMayWriteAnyTable(String target, String object, String reason) {
        try (TestDb db = TestDatabases.fresh(target)) {
            fixture(db);
            db.execute(object);
            Map<String, String> before = SchemaFingerprint.of(db);
            LogicalSnapshot snapshots = new LogicalSnapshot(db.settings());
            CapturingLog log = new CapturingLog();

            snapshots.create(SNAPSHOT, Set.of("customers"), log);

            assertEquals(List.of("audit", "catalog", "customers", "order_lines", "orders"), copiedTables(db));
            assertTrue(log.text().contains("Snapshot of every table: " + reason), log.text());
            // What such an object may do: write a table no statement names.
            partialMigrationOfCustomers(db);
            db.execute("DELETE FROM catalog WHERE id > 250");
            snapshots.restore(SNAPSHOT, log);
            assertEquals(before, SchemaFingerprint.of(db));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.rsx.testing.TestDatabases#targets")
    void anEmptySchemaHasNothingToNarrowDown(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            LogicalSnapshot snapshots = new LogicalSnapshot(db.settings());
            CapturingLog log = new CapturingLog();

            snapshots.create(SNAPSHOT, Set.of("customers"), log);
            db.execute("CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            snapshots.restore(SNAPSHOT, log);

            assertFalse(log.text().contains("Snapshot of"), log.text());
            assertEquals(List.of(), db.tables(), "the table created after the snapshot is gone");
        }
    }
}
