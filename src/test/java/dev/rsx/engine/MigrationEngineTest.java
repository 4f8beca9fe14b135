package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

class MigrationEngineTest {

    private static final String USERS = """
            CREATE TABLE users (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                email VARCHAR(255) NOT NULL
            );
            INSERT INTO users (email) VALUES ('a@example.com');
            """;
    private static final String ORDERS = """
            CREATE TABLE orders (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                user_id BIGINT NOT NULL,
                CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
            );
            """;

    @OnEveryTarget
    void appliesPendingMigrationsInVersionOrderThenHasNothingToDo(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("order")
                    .write("10_create_orders_table.sql", ORDERS)
                    .write("9_create_users_table.sql", USERS);
            CapturingLog log = new CapturingLog();
            MigrationEngine engine = new MigrationEngine(log);

            MigrateResult first = engine.migrate(db.settings(), dir.load(), new MigrateOptions(null));

            assertEquals(List.of("9_create_users_table.sql", "10_create_orders_table.sql"),
                    first.applied().stream().map(AppliedChangeSet::fileName).toList());
            assertEquals("10", first.currentVersion());
            assertEquals(List.of("DATABASECHANGELOG", "orders", "users"), db.tables().stream()
                    .filter(t -> !t.equalsIgnoreCase(TrackingTable.LOCK_NAME)).toList());
            assertEquals(List.of("a@example.com"), db.column("SELECT email FROM users"));

            MigrateResult second = engine.migrate(db.settings(), dir.load(), new MigrateOptions(null));
            assertTrue(second.nothingToMigrate());
            assertEquals("10", second.currentVersion());
            assertEquals(List.of("1"), db.column("SELECT COUNT(*) FROM users"));
        }
    }

    @OnEveryTarget
    void anApplyFromRememberedSplitsSendsWhatLiquibaseSplits(String target) throws Exception {
        MigrationsDir dir = MigrationsDir.create("remembered-split")
                .write("001_create_users_table.sql", USERS)
                .write("002_create_orders_table.sql", ORDERS + "-- the end; no statement\n");
        Path caches = Files.createDirectories(dir.path().resolveSibling(dir.path().getFileName() + "-caches"));
        for (int run = 1; run <= 2; run++) {
            try (TestDb db = TestDatabases.fresh(target)) {
                MigrationChangeLog changeLog = MigrationChangeLog.load(dir.path(), EngineLog.silent(),
                        ChecksumCache.in(caches.resolve("checksums")), StatementCache.in(caches.resolve("statements")));

                new MigrationEngine(new CapturingLog()).migrate(db.settings(), changeLog, new MigrateOptions(null));

                assertEquals(List.of("orders", "users"), db.tables().stream().filter(t -> !t.startsWith("DATABASECHANGELOG"))
                        .toList(), "run " + run);
                assertEquals(List.of("a@example.com"), db.column("SELECT email FROM users"), "run " + run);
            }
        }
        MigrationChangeLog fresh = dir.load();
        StatementCache remembered = StatementCache.in(caches.resolve("statements"));
        LiquibaseScope.run(EngineLog.silent(), () -> {
            for (MigrationFile file : fresh.files()) {
                String sha256 = fresh.sha256().get(file);
                assertEquals(Optional.of(fresh.statementsOf(fresh.changeSets().get(fresh.files().indexOf(file)))),
                        remembered.get(file.fileName(), sha256), file.fileName());
            }
            return null;
        });
    }

    @OnEveryTarget
    void statusShowsAppliedPendingChangedAndMissingWithoutCreatingAnything(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("status").write("001_create_users_table.sql", USERS);
            MigrationEngine engine = new MigrationEngine(new CapturingLog());

            StatusReport before = engine.status(db.settings(), dir.load());
            assertEquals(List.of(MigrationState.PENDING), before.rows().stream().map(MigrationStatus::state).toList());
            assertEquals(List.of(), db.tables(), "status must not create the tracking table");

            engine.migrate(db.settings(), dir.load(), new MigrateOptions(null));
            dir.write("001_create_users_table.sql", USERS + "-- edited\n")
                    .write("002_create_orders_table.sql", ORDERS);
            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                    + " VALUES ('000', 'rsx', '000_gone.sql', NOW(), 0, 'EXECUTED', '9:abc')");

            StatusReport after = engine.status(db.settings(), dir.load());
            assertEquals(List.of("000 FILE_MISSING", "001 CHANGED", "002 PENDING"), after.rows().stream()
                    .map(r -> r.version() + " " + r.state()).toList());
        }
    }

    @OnEveryTarget
    void failingStatementNamesFileLineServerMessageAndWhatAlreadyCommitted(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("failing").write("001_create_users_table.sql", USERS)
                    .write("002_add_orders.sql", """
                            -- orders need a status
                            CREATE TABLE orders (
                                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY
                            );

                            INSERT INTO orders VALUES (1);
                            ALTER TABLE orderz ADD COLUMN status VARCHAR(20);
                            """);
            MigrationEngine engine = new MigrationEngine(new CapturingLog());

            MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                    () -> engine.migrate(db.settings(), dir.load(), new MigrateOptions(null)));

            assertEquals("002_add_orders.sql", failure.fileName());
            assertEquals(7, failure.failedStatement().line());
            assertTrue(failure.serverMessage().startsWith("(1146) Table"), failure.serverMessage());
            assertEquals(List.of(2, 6), failure.committedStatements().stream().map(LocatedStatement::line).toList());
            assertTrue(failure.getMessage().contains("failed at 002_add_orders.sql:7"), failure.getMessage());
            // MySQL DDL auto-commits: what ran before the failure stays, and the failed migration is not recorded.
            assertEquals(List.of("1"), db.column("SELECT COUNT(*) FROM orders"));
            assertEquals(List.of("001"), db.column("SELECT ID FROM DATABASECHANGELOG"));
        }
    }

    @OnEveryTarget
    void dataChangesAfterTheLastDdlAreReportedAsRolledBack(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("rolled-back").write("001_create_audit_table.sql", """
                    CREATE TABLE audit (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20));
                    INSERT INTO audit (note) VALUES ('one');
                    INSERT INTO audit (note) VALUES ('two');
                    UPDATE no_such_table SET note = 'x';
                    """);

            MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                    () -> new MigrationEngine(new CapturingLog()).migrate(db.settings(), dir.load(), new MigrateOptions(null)));

            assertEquals(List.of(1), failure.committedStatements().stream().map(LocatedStatement::line).toList());
            assertEquals(List.of(2, 3), failure.rolledBackStatements().stream().map(LocatedStatement::line).toList());
            assertTrue(failure.getMessage().contains("Rolled back with the failure (no DDL committed them):\n"
                    + "    line 2: INSERT INTO audit (note) VALUES ('one')"), failure.getMessage());
            assertEquals(List.of("0"), db.column("SELECT COUNT(*) FROM audit"), "the INSERTs really were rolled back");
        }
    }

    @OnEveryTarget
    void editedAppliedMigrationIsRefusedWithBothChecksumsAndTheRemedy(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("edited").write("001_create_users_table.sql", USERS);
            MigrationEngine engine = new MigrationEngine(new CapturingLog());
            engine.migrate(db.settings(), dir.load(), new MigrateOptions(null));
            String applied = db.column("SELECT MD5SUM FROM DATABASECHANGELOG").get(0);

            dir.write("001_create_users_table.sql", USERS.replace("255", "300"))
                    .write("002_create_orders_table.sql", ORDERS);
            ProjectException refused = assertThrows(ProjectException.class,
                    () -> engine.migrate(db.settings(), dir.load(), new MigrateOptions(null)));

            assertTrue(refused.getMessage().contains("001_create_users_table.sql was changed after it was applied"), refused.getMessage());
            assertTrue(refused.getMessage().contains("applied to database: " + applied), refused.getMessage());
            assertTrue(refused.getMessage().contains("mvn rsx:new"), refused.getMessage());
            assertEquals(List.of("DATABASECHANGELOG", "users"), db.tables().stream()
                    .filter(t -> !t.equalsIgnoreCase(TrackingTable.LOCK_NAME)).toList(), "nothing may run");
        }
    }

    @OnEveryTarget
    void formattedSqlChangelogRunsEachChangesetAndNeverItsRollback(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("formatted").write("001_users_and_audit.sql", """
                    --liquibase formatted sql

                    --changeset alice:1
                    CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255));
                    --rollback DROP TABLE users;

                    --changeset alice:2 endDelimiter://
                    CREATE TRIGGER users_email BEFORE INSERT ON users FOR EACH ROW
                    BEGIN
                        SET NEW.email = LOWER(NEW.email);
                    END//
                    """);
            MigrationEngine engine = new MigrationEngine(new CapturingLog());

            MigrateResult result = engine.migrate(db.settings(), dir.load(), new MigrateOptions(null));

            assertEquals(List.of("1", "2"), result.applied().stream().map(AppliedChangeSet::changeSetId).toList());
            db.execute("INSERT INTO users (email) VALUES ('MiXeD@Example.com')");
            assertEquals(List.of("mixed@example.com"), db.column("SELECT email FROM users"));
            assertEquals(List.of("001_users_and_audit.sql"), db.column("SELECT DISTINCT FILENAME FROM DATABASECHANGELOG"));
        }
    }
}
