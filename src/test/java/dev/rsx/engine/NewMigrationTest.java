package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewMigrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void writesATimestampedRawSqlTemplateWithTheRequiredIdColumn() throws IOException {
        MigrationsDir dir = MigrationsDir.create("new");

        Path file = NewMigration.create(dir.path(), "create_products_table", CLOCK);

        assertEquals("20261121093000_create_products_table.sql", file.getFileName().toString());
        String sql = Files.readString(file);
        assertTrue(sql.contains("CREATE TABLE products (\n    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"), sql);
    }

    @Test
    void twoMigrationsInTheSameSecondGetOrderedVersions() {
        MigrationsDir dir = MigrationsDir.create("same-second");

        NewMigration.create(dir.path(), "create_products_table", CLOCK);
        Path second = NewMigration.create(dir.path(), "add_price_to_products", CLOCK);

        assertEquals("20261121093001_add_price_to_products.sql", second.getFileName().toString());
    }

    @Test
    void continuesASequentiallyNumberedDirectory() {
        MigrationsDir dir = MigrationsDir.create("sequential").writeUnrecorded("001_create_users_table.sql", "SELECT 1;")
                .writeUnrecorded("002_create_orders_table.sql", "SELECT 1;");

        Path file = NewMigration.create(dir.path(), "add_status_to_orders", CLOCK);

        assertEquals("003_add_status_to_orders.sql", file.getFileName().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"update", "fix", "new_stuff", "fix_update", "misc_changes"})
    void refusesNamesThatDoNotSayWhatTheyDo(String name) {
        ProjectException e = assertThrows(ProjectException.class,
                () -> NewMigration.create(MigrationsDir.create("vague").path(), name, CLOCK));

        assertTrue(e.getMessage().startsWith("Refusing migration name '" + name + "'"), e.getMessage());
    }

    @Test
    void refusesNamesThatAreNotSnakeCaseAndSuggestOne() {
        ProjectException e = assertThrows(ProjectException.class,
                () -> NewMigration.create(MigrationsDir.create("camel").path(), "createProductsTable", CLOCK));

        assertTrue(e.getMessage().contains("not snake_case") && e.getMessage().contains("create_products_table"), e.getMessage());
    }

    @Test
    void refusesANameThatExistsAlready() {
        MigrationsDir dir = MigrationsDir.create("existing").writeUnrecorded("20250101000000_create_products_table.sql", "SELECT 1;");

        ProjectException e = assertThrows(ProjectException.class,
                () -> NewMigration.create(dir.path(), "create_products_table", CLOCK));

        assertTrue(e.getMessage().contains("exists already (20250101000000_create_products_table.sql)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded"})
    void aTemplateLeftUneditedIsListedAsPendingButNeverApplied(String target) {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("unedited").writeUnrecorded("20250101000000_create_users_table.sql",
                    "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);");
            Path template = NewMigration.create(dir.path(), "add_status_to_orders", CLOCK);
            MigrationEngine engine = new MigrationEngine(EngineLog.silent());

            assertEquals(List.of(MigrationState.PENDING, MigrationState.PENDING),
                    engine.status(db.settings(), dir.load()).rows().stream().map(MigrationStatus::state).toList());
            ProjectException e = assertThrows(ProjectException.class,
                    () -> engine.migrate(db.settings(), dir.load(), new MigrateOptions(null)));

            assertEquals(template.getFileName() + " has no SQL statements, only comments or nothing; nothing was run."
                    + " Write the migration's statements, or delete the file if it was created by mistake.", e.getMessage());
            assertEquals(List.of(), db.tables(), "not even the first migration may run");
        }
    }
}
