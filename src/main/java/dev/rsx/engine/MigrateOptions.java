package dev.rsx.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code migrate} needs besides a connection.
 *
 * @param migrationsDir where the {@code <version>_<description>.sql} files are
 * @param lockTimeout how long to wait for another run on the same database to finish
 */
public record MigrateOptions(Path migrationsDir, Duration lockTimeout) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    public MigrateOptions {
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
    }
}
