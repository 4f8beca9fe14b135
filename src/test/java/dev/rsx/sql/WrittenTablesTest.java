package dev.rsx.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.LiquibaseScope;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.testing.MigrationsDir;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WrittenTablesTest {

    private static int migrations;

    /** What the statements of one migration file write, read the way a run reads them. */
    private static WrittenTables written(String sql) {
        MigrationsDir dir = MigrationsDir.create("written-tables-" + ++migrations).write("001_statements.sql", sql);
        MigrationChangeLog changeLog = dir.load();
        List<MigrationStatement> statements = LiquibaseScope.run(EngineLog.silent(),
                () -> new StatementReader().read(changeLog, changeLog.changeSets().get(0)));
        return WrittenTables.of(statements);
    }

    @Test
    void definitionsAndRowsOfTheNamedTablesOnly() {
        WrittenTables written = written("""
                CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id BIGINT NOT NULL);
                ALTER TABLE Orders ADD COLUMN note VARCHAR(100) NULL;
                CREATE INDEX idx_lines_sku ON `order_lines` (sku);
                INSERT INTO settings (name) SELECT name FROM big_catalog;
                UPDATE prices SET amount = amount * 2 WHERE sku IN (SELECT sku FROM discounts);
                DELETE FROM sessions WHERE created_at < '2020-01-01';
                TRUNCATE TABLE audit_log;
                RENAME TABLE tmp_users TO archived_users;
                ALTER TABLE carts RENAME TO baskets;
                DROP TABLE IF EXISTS legacy_a, legacy_b;
                CREATE VIEW active_users AS SELECT id FROM users;
                SET @batch = 1;
                SELECT COUNT(*) FROM users;
                """);

        assertTrue(written.bounded(), written.unboundedBy());
        assertEquals(Set.of("invoices", "orders", "order_lines", "settings", "prices", "discounts", "sessions",
                "audit_log", "tmp_users", "archived_users", "carts", "baskets", "legacy_a", "legacy_b"), written.tables(),
                "an INSERT ... SELECT writes only its target; an UPDATE counts every table it names");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a statement the parser cannot read | FROBNICATE TABLE users SET everything = 1;                | cannot read",
        "CALL                               | CALL archive_orders(2024);                                 | CALL",
        "PREPARE and EXECUTE                | PREPARE s FROM 'DELETE FROM users'; EXECUTE s;             | 001_statements.sql",
        "a trigger                          | CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW SET NEW.id = NEW.id; | 001_statements.sql",
        "an event                           | CREATE EVENT purge ON SCHEDULE EVERY 1 DAY DO DELETE FROM sessions; | 001_statements.sql",
        "a routine                          | CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;   | 001_statements.sql",
        "LOAD DATA                          | LOAD DATA INFILE '/tmp/users.csv' INTO TABLE users;        | 001_statements.sql",
        "a table in another schema          | INSERT INTO other_db.users (id) VALUES (1);                | with its schema",
        "a dropped trigger                  | DROP TRIGGER audit_users;                                  | 001_statements.sql",
    })
    void whatCannotBeBoundedMakesTheWholeSetUnbounded(String what, String sql, String reason) {
        WrittenTables written = written("INSERT INTO settings (name) VALUES ('a');\n" + sql + "\n");

        assertFalse(written.bounded(), what + " must send the run to a full snapshot");
        assertTrue(written.unboundedBy().contains(reason), written.unboundedBy());
        assertTrue(written.unboundedBy().startsWith("001_statements.sql:2"), "says where: " + written.unboundedBy());
    }

    @Test
    void aUnionHoldsEveryTableOrTheFirstReasonToBeUnbounded() {
        WrittenTables users = new WrittenTables(Set.of("users"), null);
        WrittenTables orders = new WrittenTables(Set.of("orders", "users"), null);
        WrittenTables call = new WrittenTables(Set.of(), "002_b.sql:1: CALL");
        WrittenTables load = new WrittenTables(Set.of(), "003_c.sql:4: LOAD DATA");

        assertEquals(Set.of("users", "orders"), WrittenTables.union(List.of(users, WrittenTables.NONE, orders)).tables());
        assertEquals(call, WrittenTables.union(List.of(users, call, orders, load)));
        assertEquals(load, users.plus(load).plus(call));
        assertEquals(WrittenTables.NONE, WrittenTables.union(List.of()));
    }
}
