package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.io.IOException;
import java.util.List;
import org.apache.commons.io.FileUtils;

class MigrationIdentityTest {

    @OnEveryTarget
    void movingTheProjectElsewhereReappliesNothing(String target) throws IOException {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir original = MigrationsDir.create("original")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n")
                    .write("002_seed_users.sql", "INSERT INTO users VALUES ();\n");
            MigrationEngine engine = new MigrationEngine(new CapturingLog());
            engine.migrate(db.settings(), original.load(), new MigrateOptions(null));

            MigrationsDir moved = MigrationsDir.create("moved/deeper/checkout");
            FileUtils.copyDirectory(original.path().toFile(), moved.path().toFile());
            FileUtils.deleteDirectory(original.path().toFile());
            MigrateResult again = engine.migrate(db.settings(), moved.load(), new MigrateOptions(null));

            assertTrue(again.nothingToMigrate(), "applied " + again.applied());
            assertEquals(List.of("001_create_users_table.sql", "002_seed_users.sql"),
                    db.column("SELECT FILENAME FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"));
            assertEquals(List.of("1"), db.column("SELECT COUNT(*) FROM users"));
        }
    }

    @OnEveryTarget
    void aDeletedAppliedMigrationStopsTheRunWithTheRemedy(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("deleted")
                    .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");
            MigrationEngine engine = new MigrationEngine(new CapturingLog());
            engine.migrate(db.settings(), dir.load(), new MigrateOptions(null));
            dir.delete("001_create_users_table.sql")
                    .write("002_create_orders_table.sql", "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");

            ProjectException refused = org.junit.jupiter.api.Assertions.assertThrows(ProjectException.class,
                    () -> engine.migrate(db.settings(), dir.load(), new MigrateOptions(null)));

            assertTrue(refused.getMessage().contains("001_create_users_table.sql was applied"), refused.getMessage());
            assertTrue(refused.getMessage().contains("restore the file"), refused.getMessage());
            assertEquals(List.of("DATABASECHANGELOG", "users"), db.tables().stream()
                    .filter(t -> !t.equalsIgnoreCase(TrackingTable.LOCK_NAME)).toList());
        }
    }
}
