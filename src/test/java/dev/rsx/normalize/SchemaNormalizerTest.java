package dev.rsx.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.engine.ProjectException;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.QueryLog;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

class SchemaNormalizerTest {

    private static NormalizationResult normalize(TestDb db, NormalizeOptions options) {
        return new SchemaNormalizer(new CapturingLog()).normalize(db.settings(), options);
    }

    /** The column's type and charset, without integer display widths, which MySQL 8 no longer shows. */
    private static String columnType(TestDb db, String table, String column) {
        return db.column("SELECT CONCAT(column_type, IFNULL(CONCAT(' ', character_set_name), '')) FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = '" + table + "' AND column_name = '" + column + "'").get(0)
                .replaceAll("^(smallint|mediumint|int|bigint)\\(\\d+\\)", "$1");
    }

    /** Row count and a hash of every value; hashed as utf8mb4 text, since MD5() hashes a string's bytes in its charset. */
    private static String fingerprint(TestDb db, String table, String columns) {
        return db.column("SELECT CONCAT(COUNT(*), ':', MD5(CONVERT(GROUP_CONCAT(CONCAT_WS('|', " + columns + ")"
                + " ORDER BY id SEPARATOR '#') USING utf8mb4))) FROM " + table).get(0);
    }

    @OnEveryTarget
    void widensTypesConvertsCharsetsAndKeepsEveryValue(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            db.execute("""
                    CREATE TABLE products (
                        id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                        stock MEDIUMINT UNSIGNED NOT NULL DEFAULT 0,
                        rank_no SMALLINT,
                        is_active TINYINT(1) NOT NULL DEFAULT 1,
                        views BIGINT UNSIGNED,
                        name VARCHAR(100) NOT NULL DEFAULT 'n''a',
                        summary TINYTEXT, body TEXT, notes MEDIUMTEXT,
                        weight FLOAT,
                        published DATETIME,
                        touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'current_timestamp stays in comments',
                        precise DATETIME(6)
                    ) DEFAULT CHARSET=latin1
                    """);
            db.execute("INSERT INTO products (stock, rank_no, views, name, summary, body, notes, weight, published, precise) VALUES"
                    + " (7, -3, 18446744073709, 'caf\u00e9', 's', 'b', 'n', 1.5, '2025-01-02 03:04:05', '2025-01-02 03:04:05.123456'),"
                    + " (0, NULL, NULL, 'plain', NULL, NULL, NULL, 2.25, NULL, NULL)");
            // Temporal values are compared at one precision: DATETIME(3) prints ".000" where DATETIME printed nothing.
            String columns = "id, stock, rank_no, is_active, views, name, summary, body, notes, weight,"
                    + " CAST(published AS DATETIME(6)), precise";
            String before = fingerprint(db, "products", columns);

            NormalizationResult result = normalize(db, NormalizeOptions.defaults());

            assertEquals(1, result.alterStatements(), result.statements().toString());
            assertEquals("bigint", columnType(db, "products", "id"));
            assertEquals("bigint", columnType(db, "products", "stock"));
            assertEquals("bigint", columnType(db, "products", "rank_no"));
            assertEquals("tinyint(1)", columnType(db, "products", "is_active"));
            assertEquals("bigint", columnType(db, "products", "views"));
            assertEquals("varchar(100) utf8mb4", columnType(db, "products", "name"));
            assertEquals("longtext utf8mb4", columnType(db, "products", "summary"));
            assertEquals("longtext utf8mb4", columnType(db, "products", "body"));
            assertEquals("longtext utf8mb4", columnType(db, "products", "notes"));
            assertEquals("double", columnType(db, "products", "weight"));
            assertEquals("datetime(3)", columnType(db, "products", "published"));
            assertEquals("timestamp(3)", columnType(db, "products", "touched"));
            assertEquals("datetime(6)", columnType(db, "products", "precise"), "more precise than milliseconds: kept");
            assertEquals(List.of("utf8mb4_unicode_ci"), db.column("SELECT table_collation FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 'products'"));
            assertEquals(List.of("auto_increment"), db.column("SELECT extra FROM information_schema.columns WHERE"
                    + " table_schema = DATABASE() AND table_name = 'products' AND column_name = 'id'"));
            assertTrue(db.column("SELECT extra FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = 'products' AND column_name = 'touched'").get(0).toLowerCase().contains("current_timestamp(3)"));
            assertEquals(List.of("current_timestamp stays in comments"), db.column("SELECT column_comment FROM"
                    + " information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'products' AND column_name = 'touched'"));
            assertEquals(List.of("n'a"), db.column("SELECT column_default FROM information_schema.columns WHERE table_schema ="
                    + " DATABASE() AND table_name = 'products' AND column_name = 'name'").stream()
                    .map(d -> d.replaceAll("^'(.*)'$", "$1").replace("''", "'")).toList());
            assertEquals(before, fingerprint(db, "products", columns), "no value may change");
        }
    }

    @OnEveryTarget
    void addsAuditColumnsAndIndexesAndTenantAndVersionColumnsByMarkerOrPattern(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            db.execute("CREATE TABLE posts (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, deleted_at TIMESTAMP(3) NULL)"
                    + " COMMENT 'rsx:site,versioned'");
            db.execute("CREATE TABLE invoices (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " created_at TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX by_created (created_at, id))");
            db.execute("INSERT INTO posts VALUES (1, NULL)");

            normalize(db, new NormalizeOptions(null, Set.of(), List.of(Pattern.compile("inv.*")), List.of(), false));

            assertEquals(List.of("id", "deleted_at", "created_at", "updated_at", "created_by", "updated_by", "deleted_by",
                    "site_id", "version"), db.column("SELECT column_name FROM information_schema.columns WHERE"
                    + " table_schema = DATABASE() AND table_name = 'posts' ORDER BY ordinal_position"));
            assertEquals(List.of("1"), db.column("SELECT version FROM posts"));
            assertEquals(List.of("created_at", "id,version", "site_id", "updated_at"), indexes(db, "posts"));
            assertEquals(List.of("created_at,id", "site_id", "updated_at"), indexes(db, "invoices"),
                    "an index starting with created_at already serves it");
            assertFalse(db.column("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = 'invoices'").contains("version"));
        }
    }

    private static List<String> indexes(TestDb db, String table) {
        return db.column("SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) c FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND table_name = '" + table + "' AND index_name <> 'PRIMARY'"
                + " GROUP BY index_name ORDER BY c");
    }

    @OnEveryTarget
    void convertsForeignKeyFamiliesTogetherAndRestoresTheirConstraints(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            db.execute("CREATE TABLE users (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, region CHAR(2) NOT NULL,"
                    + " code INT NOT NULL, UNIQUE KEY uq_region_code (region, code)) DEFAULT CHARSET=latin1");
            db.execute("CREATE TABLE orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL,"
                    + " user_region CHAR(2), user_code INT,"
                    + " CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT,"
                    + " CONSTRAINT orders_user_code_fk FOREIGN KEY (user_region, user_code) REFERENCES users (region, code) ON DELETE SET NULL ON UPDATE RESTRICT)"
                    + " DEFAULT CHARSET=latin1");
            db.execute("CREATE TABLE employees (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, manager_id INT NULL,"
                    + " CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id) ON DELETE RESTRICT ON UPDATE RESTRICT)");
            db.execute("INSERT INTO users VALUES (1, 'de', 10), (2, 'fr', 20)");
            db.execute("INSERT INTO orders VALUES (1, 1, 'de', 10), (2, 2, NULL, NULL), (3, 1, 'fr', 20)");
            db.execute("INSERT INTO employees VALUES (1, NULL), (2, 1), (3, 2)");
            String users = fingerprint(db, "users", "id, region, code");
            String orders = fingerprint(db, "orders", "id, user_id, user_region, user_code");
            String employees = fingerprint(db, "employees", "id, manager_id");

            NormalizationResult result = normalize(db, NormalizeOptions.defaults());

            for (String column : List.of("users.id", "users.code", "orders.user_id", "orders.user_code", "employees.id",
                    "employees.manager_id")) {
                String[] tc = column.split("\\.");
                assertEquals("bigint", columnType(db, tc[0], tc[1]), column);
            }
            assertEquals("char(2) utf8mb4", columnType(db, "orders", "user_region"));
            assertEquals(List.of("employees_manager_fk employees(manager_id) employees(id) RESTRICT/RESTRICT",
                    "orders_user_code_fk orders(user_region,user_code) users(region,code) SET NULL/RESTRICT",
                    "orders_user_fk orders(user_id) users(id) CASCADE/RESTRICT"), foreignKeys(db));
            assertEquals(users, fingerprint(db, "users", "id, region, code"));
            assertEquals(orders, fingerprint(db, "orders", "id, user_id, user_region, user_code"));
            assertEquals(employees, fingerprint(db, "employees", "id, manager_id"));
            assertEquals(3 + 2 + 2, result.alterStatements(), "one ALTER per table, plus a drop and a re-add per table"
                    + " whose foreign keys are rebuilt: " + result.statements());
            db.execute("DELETE FROM users WHERE id = 2");
            assertEquals(List.of("2"), db.column("SELECT COUNT(*) FROM orders"), "ON DELETE CASCADE still applies");
        }
    }

    private static List<String> foreignKeys(TestDb db) {
        return db.column("SELECT CONCAT(k.constraint_name, ' ', k.table_name, '(', GROUP_CONCAT(k.column_name ORDER BY"
                + " k.ordinal_position), ') ', k.referenced_table_name, '(', GROUP_CONCAT(k.referenced_column_name ORDER BY"
                + " k.ordinal_position), ') ', r.delete_rule, '/', r.update_rule) FROM information_schema.key_column_usage k"
                + " JOIN information_schema.referential_constraints r ON r.constraint_schema = k.table_schema"
                + " AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name"
                + " WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL"
                + " GROUP BY k.constraint_name, k.table_name, k.referenced_table_name, r.delete_rule, r.update_rule"
                + " ORDER BY k.constraint_name");
    }

    @OnEveryTarget
    void aFailingChangeIsReportedAndTheDroppedForeignKeysAreBack(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            // 'e' and 'E' differ in latin1_bin but are equal in utf8mb4_unicode_ci: the conversion must fail.
            db.execute("CREATE TABLE accounts (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " code VARCHAR(5) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL, UNIQUE KEY uq_code (code))"
                    + " DEFAULT CHARSET=latin1");
            db.execute("CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, account_id INT NOT NULL,"
                    + " CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)"
                    + " ON DELETE CASCADE ON UPDATE RESTRICT)");
            db.execute("INSERT INTO accounts (code) VALUES ('e'), ('E')");

            ProjectException e = assertThrows(ProjectException.class, () -> normalize(db, NormalizeOptions.defaults()));

            assertTrue(e.getMessage().startsWith("Normalization failed: (1062)"), e.getMessage());
            assertEquals(List.of("orders_account_fk orders(account_id) accounts(id) CASCADE/RESTRICT"), foreignKeys(db));
            assertEquals("int", columnType(db, "orders", "account_id"));
            assertEquals(List.of("2"), db.column("SELECT COUNT(*) FROM accounts"));
        }
    }

    @OnEveryTarget
    void whenAForeignKeyCannotBeReAddedTheOriginalFailureIsStillReportedWithTheStatementToRun(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            // Tables are changed in name order: orders (the child) is widened, then zones fails, so the foreign key
            // no longer fits and cannot be re-added.
            db.execute("CREATE TABLE zones (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " code VARCHAR(5) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL, UNIQUE KEY uq_code (code))");
            db.execute("CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, zone_id INT NOT NULL,"
                    + " CONSTRAINT orders_zone_fk FOREIGN KEY (zone_id) REFERENCES zones (id))");
            db.execute("INSERT INTO zones (code) VALUES ('e'), ('E')");

            ProjectException e = assertThrows(ProjectException.class, () -> normalize(db, NormalizeOptions.defaults()));

            assertTrue(e.getMessage().startsWith("Normalization failed: (1062)"), e.getMessage());
            assertTrue(e.getMessage().contains("Normalization could not restore 1 foreign key statement(s); run them by hand"
                    + " once the cause is fixed:\n  ALTER TABLE `orders` ADD CONSTRAINT `orders_zone_fk`"), e.getMessage());
            assertEquals(List.of("2"), db.column("SELECT COUNT(*) FROM zones"));
        }
    }

    @OnEveryTarget
    void aSecondRunChangesNothing(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            db.execute("CREATE TABLE a (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, t TEXT, ts TIMESTAMP NULL) DEFAULT CHARSET=latin1"
                    + " COMMENT 'rsx:site,versioned'");
            db.execute("CREATE TABLE b (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, a_id INT, FOREIGN KEY (a_id) REFERENCES a (id))");
            assertFalse(normalize(db, NormalizeOptions.defaults()).changedNothing());

            NormalizationResult second = normalize(db, NormalizeOptions.defaults());

            assertTrue(second.changedNothing(), second.statements().toString());
            assertEquals(0, second.alterStatements());
        }
    }

    @OnEveryTarget
    void readsTheForeignKeysOnlyWhenAColumnChanges(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            db.execute("CREATE TABLE parents (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            db.execute("CREATE TABLE children (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, parent_id INT,"
                    + " FOREIGN KEY (parent_id) REFERENCES parents (id))");
            ConnectionSettings logged = QueryLog.logging(db.settings());
            SchemaNormalizer normalizer = new SchemaNormalizer(new CapturingLog());

            normalizer.normalize(logged, NormalizeOptions.defaults());
            int first = QueryLog.sent(logged).size();
            assertEquals("bigint", columnType(db, "children", "parent_id"), "the family changed together");
            assertTrue(normalizer.normalize(logged, NormalizeOptions.defaults()).changedNothing());

            assertEquals(1, foreignKeyReads(QueryLog.sent(logged).subList(0, first)), "the run that changed columns");
            assertEquals(0, foreignKeyReads(QueryLog.sent(logged).subList(first, QueryLog.sent(logged).size())),
                    "the run that found nothing to change");
        }
    }

    private static long foreignKeyReads(List<String> statements) {
        return statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains("key_column_usage")).count();
    }

    @OnEveryTarget
    void dryRunPrintsTheStatementsAndChangesNothing(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            db.execute("CREATE TABLE a (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY)");

            NormalizationResult dry = normalize(db, NormalizeOptions.defaults().withDryRun(true));

            assertTrue(dry.dryRun());
            assertEquals(List.of("ALTER TABLE `a` MODIFY COLUMN `id` bigint NOT NULL AUTO_INCREMENT,"
                    + " ADD COLUMN `created_at` TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3),"
                    + " ADD COLUMN `updated_at` TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),"
                    + " ADD COLUMN `created_by` BIGINT NULL, ADD COLUMN `updated_by` BIGINT NULL,"
                    + " ADD INDEX `idx_created_at` (`created_at`), ADD INDEX `idx_updated_at` (`updated_at`)"
                    + (db.column("SELECT @@character_set_server").get(0).equals("utf8mb4") ? ""
                            : ", DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")), dry.statements());
            assertEquals("int", columnType(db, "a", "id"));
        }
    }

    @OnEveryTarget
    void leavesExemptAndTrackingTablesAndUnsafeColumnsAloneWithAWarning(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            db.execute("CREATE TABLE legacy (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
            db.execute("CREATE TABLE uses_legacy (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, legacy_id INT,"
                    + " FOREIGN KEY (legacy_id) REFERENCES legacy (id))");
            db.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255), EXECTYPE VARCHAR(10))");
            db.execute("CREATE TABLE counters (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, hits BIGINT UNSIGNED)");
            db.execute("INSERT INTO counters (hits) VALUES (18446744073709551615)");
            CapturingLog log = new CapturingLog();

            new SchemaNormalizer(log).normalize(db.settings(),
                    new NormalizeOptions(null, Set.of("LEGACY"), List.of(), List.of(), false));

            assertEquals("int", columnType(db, "legacy", "id"));
            assertEquals("int", columnType(db, "uses_legacy", "legacy_id"), "its family includes an exempt table");
            assertEquals(List.of("ID", "EXECTYPE"), db.column("SELECT column_name FROM information_schema.columns WHERE"
                    + " table_schema = DATABASE() AND table_name = 'DATABASECHANGELOG' ORDER BY ordinal_position"));
            assertEquals("bigint unsigned", columnType(db, "counters", "hits"));
            assertEquals(List.of("18446744073709551615"), db.column("SELECT hits FROM counters"));
            assertTrue(log.text().contains("WARN counters.hits stays BIGINT UNSIGNED"), log.text());
            assertTrue(log.text().contains("WARN Foreign-key columns"), log.text());
        }
    }
}
