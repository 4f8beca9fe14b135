package dev.rsx.engine;

import java.time.Duration;

/**
 * How {@code migrate} runs.
 *
 * @param lockTimeout how long to wait for another run on the same database to finish
 */
public record MigrateOptions(Duration lockTimeout) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    public MigrateOptions {
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
    }
}
