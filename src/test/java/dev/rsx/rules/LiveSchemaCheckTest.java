package dev.rsx.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.checks.ForeignKeyTypeRule;
import dev.rsx.rules.checks.RequiredIdRule;
import dev.rsx.rules.checks.UnsignedKeyRule;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The rules checked on what the server built, on a real server: one schema with one problem per table. */
class LiveSchemaCheckTest {

    private static final CheckResult NO_WAIVERS = CheckResult.of(List.of());

    private static void build(TestDb db, TestDb other) {
        other.execute("CREATE TABLE accounts (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, code VARCHAR(64) NOT NULL,"
                + " UNIQUE KEY accounts_code (code))");
        db.execute("CREATE TABLE products (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, code VARCHAR(36) NOT NULL,"
                + " UNIQUE KEY products_code (code))");
        db.execute("CREATE TABLE coupons (code VARCHAR(10) PRIMARY KEY)");
        db.execute("CREATE TABLE tags (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY)");
        db.execute("CREATE TABLE notes (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, body VARCHAR(20))"
                + " DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci");
        db.execute("CREATE TABLE offers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, product_code VARCHAR(20),"
                + " account_code VARCHAR(16),"
                + " CONSTRAINT offers_product_fk FOREIGN KEY (product_code) REFERENCES products (code),"
                + " CONSTRAINT offers_account_fk FOREIGN KEY (account_code) REFERENCES `" + other.settings().database()
                + "`.accounts (code))");
        db.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL)");
    }

    private static List<String> findings(TestDb db, Predicate<String> selected,
            NormalizeOptions normalize) throws Exception {
        try (Connection connection = db.connect()) {
            return new LiveSchemaCheck(RulePolicy.development()).run(connection, db.schema(), selected, NO_WAIVERS,
                    normalize).findings().stream().map(f -> f.rule().id() + " " + f.table() + ": " + f.message()).toList();
        }
    }

    @OnEveryTarget
    void findsEachProblemOnItsTableAndLeavesTheTrackingTableAlone(String target) throws Exception {
        // Closed in reverse: the database whose foreign key references the other goes first.
        try (TestDb other = TestDatabases.fresh(target); TestDb db = TestDatabases.fresh(target)) {
            build(db, other);

            List<String> found = findings(db, table -> true, NormalizeOptions.defaults());

            assertEquals(Set.of(
                    RequiredIdRule.DEFINITION.id() + " coupons: Table coupons in the database: there is no id column.",
                    RuleCatalog.LIVE_UTF8MB4.id() + " notes: Table notes: default collation latin1_swedish_ci, body is latin1.",
                    UnsignedKeyRule.DEFINITION.id() + " tags: tags.id is BIGINT UNSIGNED in the database.",
                    ForeignKeyTypeRule.DEFINITION.id() + " offers: Foreign key offers_product_fk: offers.product_code is"
                            + " VARCHAR(20) but references products.code, which is VARCHAR(36).",
                    ForeignKeyTypeRule.DEFINITION.id() + " offers: Foreign key offers_account_fk: offers.account_code is"
                            + " VARCHAR(16) but references accounts.code, which is VARCHAR(64)."), Set.copyOf(found));
            assertEquals(5, found.size(), found.toString());
        }
    }

    @OnEveryTarget
    void onlyTheSelectedTablesAreCheckedAndCharsetsOnlyAfterNormalization(String target) throws Exception {
        try (TestDb other = TestDatabases.fresh(target); TestDb db = TestDatabases.fresh(target)) {
            build(db, other);

            assertEquals(List.of(), findings(db, table -> table.equals("products") || table.equals("notes"), null));
            assertEquals(List.of(ForeignKeyTypeRule.DEFINITION.id() + " offers: Foreign key offers_product_fk:"
                    + " offers.product_code is VARCHAR(20) but references products.code, which is VARCHAR(36).",
                    ForeignKeyTypeRule.DEFINITION.id() + " offers: Foreign key offers_account_fk: offers.account_code is"
                            + " VARCHAR(16) but references accounts.code, which is VARCHAR(64).").stream().sorted().toList(),
                    findings(db, table -> table.equals("offers"), null).stream().sorted().toList());
        }
    }
}
