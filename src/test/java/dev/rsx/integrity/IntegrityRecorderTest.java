package dev.rsx.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.MigrationDirectory;
import dev.rsx.engine.ProjectException;
import dev.rsx.integrity.IntegrityProblem.Kind;
import dev.rsx.testing.MigrationsDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityRecorderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC);

    private static List<IntegrityProblem> check(MigrationsDir dir) {
        return IntegrityFile.check(dir.path(), MigrationDirectory.scan(dir.path()));
    }

    private static List<String> names(List<IntegrityProblem> problems) {
        return problems.stream().map(p -> p.kind() + " " + p.fileName()).toList();
    }

    @Test
    void newRecordsTheMigrationItCreates() throws IOException {
        MigrationsDir dir = MigrationsDir.create("recorder-new");

        IntegrityRecorder.Created created = IntegrityRecorder.createMigration(dir.path(), "create_products_table", CLOCK);

        assertEquals(0, created.startedWith());
        assertEquals(List.of(), check(dir));
        assertTrue(Files.readString(IntegrityFile.pathIn(dir.path()))
                .contains("\n20261121093000_create_products_table.sql h1:"));
    }

    @Test
    void theFirstNewInADirectoryWithoutAnIntegrityFileRecordsEveryMigration() {
        MigrationsDir dir = MigrationsDir.create("recorder-start").writeUnrecorded("001_create_users_table.sql", "SELECT 1;")
                .writeUnrecorded("002_create_orders_table.sql", "SELECT 2;");

        IntegrityRecorder.Created created = IntegrityRecorder.createMigration(dir.path(), "add_status_to_orders", CLOCK);

        assertEquals(2, created.startedWith());
        assertEquals(List.of(), check(dir));
    }

    @Test
    void newRefusesBeforeWritingAnythingWhileTheIntegrityFileDisagrees() throws IOException {
        MigrationsDir dir = MigrationsDir.create("recorder-refuse");
        IntegrityRecorder.createMigration(dir.path(), "create_users_table", CLOCK);
        String recorded = Files.readString(IntegrityFile.pathIn(dir.path()));
        dir.writeUnrecorded("20261121093500_create_orders_table.sql", "SELECT 2;");

        ProjectException e = assertThrows(ProjectException.class,
                () -> IntegrityRecorder.createMigration(dir.path(), "add_status_to_orders", CLOCK));

        assertEquals("Refusing to add a migration: " + IntegrityFile.pathIn(dir.path()) + " has 1 problem:\n"
                + "  - 20261121093500_create_orders_table.sql is not in rsx.sum: it was not created with mvn rsx:new (or"
                + " was added without recording it). Create migrations with mvn rsx:new -Dname=<description>; if you"
                + " added this one deliberately, run mvn rsx:hash to record it.\n"
                + "Fix each as it says (after reviewing them, mvn rsx:hash records the directory as it is), then run"
                + " mvn rsx:new again.", e.getMessage());
        assertEquals(2, MigrationDirectory.scan(dir.path()).size(), "no migration may be created");
        assertEquals(recorded, Files.readString(IntegrityFile.pathIn(dir.path())));
    }

    @Test
    void hashReportsWhatItRecordedReRecordedAndDroppedThenNothing() {
        MigrationsDir dir = MigrationsDir.create("recorder-hash").writeUnrecorded("001_create_users_table.sql", "SELECT 1;")
                .writeUnrecorded("002_create_orders_table.sql", "SELECT 2;");
        IntegrityRecorder.rehash(dir.path());
        dir.writeUnrecorded("002_create_orders_table.sql", "SELECT 22;").delete("001_create_users_table.sql")
                .writeUnrecorded("003_add_status_to_orders.sql", "SELECT 3;");

        IntegrityRecorder.Rehashed rehashed = IntegrityRecorder.rehash(dir.path());

        assertEquals(2, rehashed.migrations());
        assertEquals(List.of("EDITED 002_create_orders_table.sql", "UNRECORDED 003_add_status_to_orders.sql",
                "REMOVED 001_create_users_table.sql"), names(rehashed.differences()));
        assertEquals(List.of(), check(dir));
        assertEquals(List.of(), IntegrityRecorder.rehash(dir.path()).differences());
    }

    @Test
    void hashWithoutAnIntegrityFileRecordsEveryMigrationAsNew() {
        MigrationsDir dir = MigrationsDir.create("recorder-hash-first").writeUnrecorded("001_create_users_table.sql", "SELECT 1;")
                .writeUnrecorded("002_create_orders_table.sql", "SELECT 2;");

        IntegrityRecorder.Rehashed rehashed = IntegrityRecorder.rehash(dir.path());

        assertEquals(List.of("UNRECORDED 001_create_users_table.sql", "UNRECORDED 002_create_orders_table.sql"),
                names(rehashed.differences()));
        assertEquals(List.of(), check(dir));
    }

    @Test
    void hashResolvesAMergeConflict() {
        MigrationsDir dir = MigrationsDir.create("recorder-merge").writeUnrecorded("001_create_users_table.sql", "SELECT 1;")
                .writeUnrecorded("rsx.sum", "<<<<<<< HEAD\nh1:abc=\n=======\nh1:def=\n>>>>>>> other\n");

        IntegrityRecorder.Rehashed rehashed = IntegrityRecorder.rehash(dir.path());

        assertEquals(List.of(Kind.CONFLICT, Kind.UNRECORDED),
                rehashed.differences().stream().map(IntegrityProblem::kind).toList());
        assertEquals(List.of(), check(dir));
    }

    @Test
    void hashRefusesADirectoryThatDoesNotExistAndCreatesNone() {
        Path absent = MigrationsDir.create("recorder-absent").path().resolve("migrations");

        ProjectException e = assertThrows(ProjectException.class, () -> IntegrityRecorder.rehash(absent));

        assertTrue(e.getMessage().startsWith("There is no migrations directory at " + absent), e.getMessage());
        assertFalse(Files.exists(absent));
    }
}
