package dev.rsx.workflow;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.ProjectException;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.ManagedDatabase;
import dev.rsx.snapshot.CommandServerControl;
import dev.rsx.snapshot.DatadirSnapshot;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.snapshot.SnapshotStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Chooses how to snapshot a database: {@code datadir} (seed 000's copy of the stopped server's data directory) when
 * the plugin controls the server, {@code logical} (a shadow schema over JDBC) otherwise, unless the user says which.
 */
public final class SnapshotStrategies {

    /**
     * What {@code datadir} needs for a server the plugin does not run.
     *
     * @param dataDir the server's data directory, readable and writable by the build
     * @param stopCommand a shell command that stops the server (e.g. {@code supervisorctl stop mysql})
     * @param startCommand a shell command that starts it again
     */
    public record ExternalServer(Path dataDir, String stopCommand, String startCommand) {

        boolean isComplete() {
            return dataDir != null && notBlank(stopCommand) && notBlank(startCommand);
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }

    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(120);

    private SnapshotStrategies() {}

    /** @param requested {@code auto}, {@code datadir} or {@code logical} */
    public static SnapshotStrategy choose(String requested, DatabaseTarget target, ManagedDatabase database,
            ExternalServer external, EngineLog log) {
        String strategy = requested == null || requested.isBlank() ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        String schema = database.connection().database();
        switch (strategy) {
            case "logical":
                return new LogicalSnapshot(database.connection());
            case "auto":
                if (target instanceof DatabaseTarget.Embedded embedded) {
                    return embeddedDatadir(embedded, database, schema);
                }
                return new LogicalSnapshot(database.connection());
            case "datadir":
                if (target instanceof DatabaseTarget.Embedded embedded) {
                    return embeddedDatadir(embedded, database, schema);
                }
                if (external == null || !external.isComplete()) {
                    throw new ProjectException("rsx.snapshot.strategy=datadir on a server the plugin does not run needs"
                            + " rsx.snapshot.dataDir, rsx.snapshot.stopCommand and rsx.snapshot.startCommand (e.g."
                            + " 'supervisorctl stop mysql'), or use rsx.snapshot.strategy=logical.");
                }
                return new DatadirSnapshot(external.dataDir(), DatadirSnapshot.snapshotsDirFor(external.dataDir()), schema,
                        new CommandServerControl(external.stopCommand(), external.startCommand(), database.connection(),
                                SERVER_TIMEOUT, log));
            default:
                throw new ProjectException("rsx.snapshot.strategy is '" + requested + "'; use auto, datadir or logical.");
        }
    }

    private static SnapshotStrategy embeddedDatadir(DatabaseTarget.Embedded embedded, ManagedDatabase database, String schema) {
        return new DatadirSnapshot(embedded.dataDir(), DatadirSnapshot.snapshotsDirFor(embedded.dataDir()), schema,
                database.embeddedServer().orElseThrow().serverControl());
    }

    /** The run lock is a session lock: it would die with a server the strategy stops. */
    public static boolean stopsTheServer(SnapshotStrategy strategy) {
        return strategy instanceof DatadirSnapshot;
    }
}
