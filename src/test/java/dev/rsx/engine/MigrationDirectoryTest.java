package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.MigrationsDir;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationDirectoryTest {

    @Test
    void ordersByNumericVersionNotByName() {
        MigrationsDir dir = MigrationsDir.create("numeric")
                .writeUnrecorded("10_b.sql", "SELECT 1;").writeUnrecorded("9_a.sql", "SELECT 1;").writeUnrecorded("0100_c.sql", "SELECT 1;");

        assertEquals(List.of("9_a.sql", "10_b.sql", "0100_c.sql"),
                MigrationDirectory.scan(dir.path()).stream().map(MigrationFile::fileName).toList());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        MigrationsDir dir = MigrationsDir.create("problems")
                .writeUnrecorded("001_create_users_table.sql", "SELECT 1;")
                .writeUnrecorded("1_create_orders_table.sql", "SELECT 1;")
                .writeUnrecorded("db.changelog.xml", "<databaseChangeLog/>")
                .writeUnrecorded("create-products.sql", "SELECT 1;");

        ProjectException e = assertThrows(ProjectException.class, () -> MigrationDirectory.scan(dir.path()));

        assertTrue(e.getMessage().contains("has 3 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("db.changelog.xml: only raw SQL migrations (.sql) are allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("create-products.sql: the name must be <version>_<description>.sql"), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate version 1: 001_create_users_table.sql and 1_create_orders_table.sql"),
                e.getMessage());
    }

    @Test
    void recognisesFormattedSqlChangelogsByTheirFirstLine() {
        MigrationsDir dir = MigrationsDir.create("formatted")
                .writeUnrecorded("001_plain.sql", "SELECT 1;")
                .writeUnrecorded("002_formatted.sql", "-- liquibase formatted sql\n--changeset a:1\nSELECT 1;");

        assertEquals(List.of(false, true),
                MigrationDirectory.scan(dir.path()).stream().map(MigrationFile::formattedChangelog).toList());
    }

    @Test
    void aMissingDirectoryHoldsNoMigrations() {
        assertEquals(List.of(), MigrationDirectory.scan(MigrationsDir.create("absent").path().resolve("nope")));
    }

    @Test
    void passesOverWhatIsNotAFileWhateverItsName() throws IOException {
        MigrationsDir dir = MigrationsDir.create("not-files").writeUnrecorded("001_create_users_table.sql", "SELECT 1;");
        Files.createDirectory(dir.path().resolve("archive"));
        Files.createDirectory(dir.path().resolve("002_looks_like_a_migration.sql"));
        Files.createSymbolicLink(dir.path().resolve("003_dangling_link.sql"), dir.path().resolve("absent.sql"));

        assertEquals(List.of("001_create_users_table.sql"),
                MigrationDirectory.scan(dir.path()).stream().map(MigrationFile::fileName).toList());
    }
}
