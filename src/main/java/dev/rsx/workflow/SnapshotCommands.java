package dev.rsx.workflow;

import dev.rsx.engine.EngineLog;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.snapshot.SnapshotException;
import dev.rsx.snapshot.SnapshotStrategy;
import java.util.List;

/** The snapshot goals' actions, each with the one line that says what happened. */
public final class SnapshotCommands {

    private SnapshotCommands() {}

    public static void create(SnapshotStrategy strategy, String name, EngineLog log) {
        long started = System.nanoTime();
        Snapshot snapshot = strategy.create(name, log);
        log.info(String.format("Snapshot '%s' created (%s, %s) in %.1f s.", name, snapshot.strategy(),
                megabytes(snapshot.sizeBytes()), seconds(started)));
    }

    public static void restore(SnapshotStrategy strategy, String name, EngineLog log) {
        long started = System.nanoTime();
        strategy.restore(name, log);
        log.info(String.format("Snapshot '%s' restored in %.1f s; the database is as it was when it was taken. The"
                + " snapshot is removed.", name, seconds(started)));
    }

    public static void drop(SnapshotStrategy strategy, String name, EngineLog log) {
        if (strategy.find(name).isEmpty()) {
            log.info("There is no snapshot '" + name + "'; nothing to drop.");
            return;
        }
        strategy.drop(name, log);
        log.info("Snapshot '" + name + "' dropped.");
    }

    public static void list(SnapshotStrategy strategy, EngineLog log) {
        List<Snapshot> snapshots = strategy.list();
        if (snapshots.isEmpty()) {
            log.info("No snapshots (" + strategy.name() + ").");
            return;
        }
        String format = "%-20s  %-8s  %-9s  %-20s  %s";
        log.info(String.format(format, "Name", "Strategy", "State", "Created", "Size"));
        for (Snapshot s : snapshots) {
            log.info(String.format(format, s.name(), s.strategy(), s.state().name().toLowerCase(),
                    s.createdAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""), megabytes(s.sizeBytes())));
        }
    }

    /** For {@code rsx:rollback} and {@code rsx:commit}: the migration snapshot must exist. */
    public static void requireExists(SnapshotStrategy strategy, String name) {
        if (strategy.find(name).isEmpty()) {
            throw new SnapshotException("There is no snapshot '" + name + "'. Take one with mvn rsx:begin before you"
                    + " start changing migrations.");
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
