package dev.rsx.integrity;

import dev.rsx.engine.MigrationDirectory;
import dev.rsx.engine.MigrationFile;
import dev.rsx.engine.NewMigration;
import dev.rsx.engine.ProjectException;
import dev.rsx.integrity.IntegrityProblem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The two ways {@code rsx.sum} is written: {@code rsx:new} records the migration it creates, {@code rsx:hash}
 * re-records the directory deliberately. This lives here and not in the engine because the engine must not depend on
 * this package.
 */
public final class IntegrityRecorder {

    private IntegrityRecorder() {}

    /**
     * What {@code rsx:new} did.
     *
     * @param file the new migration, recorded in {@code rsx.sum}
     * @param startedWith how many migrations already existed when {@code rsx.sum} was missing and are now recorded as
     *     they are; 0 when {@code rsx.sum} existed (or the directory was empty)
     */
    public record Created(Path file, int startedWith) {}

    /**
     * What {@code rsx:hash} did.
     *
     * @param migrations how many migrations {@code rsx.sum} records now
     * @param differences how the previous {@code rsx.sum} differed from the directory; empty when it was up to date.
     *     A missing {@code rsx.sum} shows as every migration {@link Kind#UNRECORDED}.
     */
    public record Rehashed(int migrations, List<IntegrityProblem> differences) {}

    /**
     * Creates a migration with {@link NewMigration#create} and records it. Refuses before writing anything while
     * {@code rsx.sum} disagrees with the directory, since recording then would silently approve whatever is wrong.
     * A directory that has migrations but no {@code rsx.sum} yet is the first use: all of them are recorded.
     *
     * @throws ProjectException listing every problem of {@code rsx.sum}
     */
    public static Created createMigration(Path migrationsDir, String name, Clock clock) {
        List<MigrationFile> existing = MigrationDirectory.scan(migrationsDir);
        List<IntegrityProblem> problems = IntegrityFile.check(migrationsDir, existing);
        List<IntegrityProblem> blocking = problems.stream().filter(p -> p.kind() != Kind.MISSING).toList();
        if (!blocking.isEmpty()) {
            throw new ProjectException("Refusing to add a migration: " + IntegrityFile.pathIn(migrationsDir) + " has "
                    + blocking.size() + (blocking.size() == 1 ? " problem" : " problems") + ":\n  - "
                    + String.join("\n  - ", blocking.stream().map(IntegrityProblem::message).toList())
                    + "\nFix each as it says (after reviewing them, mvn rsx:hash records the directory as it is), then"
                    + " run mvn rsx:new again.");
        }
        Path file = NewMigration.create(migrationsDir, name, clock);
        IntegrityFile.record(migrationsDir, MigrationDirectory.scan(migrationsDir));
        return new Created(file, problems.isEmpty() ? 0 : existing.size());
    }

    /**
     * Records every migration in {@code migrationsDir} as it is now, whatever {@code rsx.sum} said before.
     *
     * @throws ProjectException when there is no migrations directory: recording it would create one in the wrong place
     */
    public static Rehashed rehash(Path migrationsDir) {
        if (!Files.isDirectory(migrationsDir)) {
            throw new ProjectException("There is no migrations directory at " + migrationsDir + ", so there is nothing"
                    + " to record. Check rsx.migrationsDir, or create the first migration with mvn rsx:new"
                    + " -Dname=create_products_table, which starts " + IntegrityFile.NAME + ".");
        }
        List<MigrationFile> files = MigrationDirectory.scan(migrationsDir);
        List<IntegrityProblem> differences = IntegrityFile.read(migrationsDir).orElse(IntegrityFile.NONE).verify(files);
        IntegrityFile.record(migrationsDir, files);
        return new Rehashed(files.size(), differences);
    }
}
