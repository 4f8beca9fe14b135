package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.ManagedDatabase;
import dev.rsx.snapshot.SnapshotStrategy;
import dev.rsx.workflow.SnapshotStrategies;
import java.io.File;
import java.util.function.BiConsumer;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that take or restore snapshots: how, and for an external server with {@code datadir}, how to stop it. */
public abstract class AbstractSnapshotMojo extends AbstractDatabaseMojo {

    /**
     * {@code auto} (datadir for the embedded server, logical otherwise), {@code datadir} (copy of the stopped server's
     * data directory) or {@code logical} (a shadow schema in the same server, over JDBC).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.snapshot.strategy", defaultValue = "auto")
    protected String snapshotStrategy;

    /**
     * Data directory of an external server, for the datadir strategy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.snapshot.dataDir")
    protected File snapshotDataDir;

    /**
     * Shell command that stops an external server, for the datadir strategy (e.g. {@code supervisorctl stop mysql}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.snapshot.stopCommand")
    protected String stopCommand;

    /**
     * Shell command that starts an external server again, for the datadir strategy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.snapshot.startCommand")
    protected String startCommand;

    /** Opens the database for the goal, chooses the strategy, and runs {@code action} with it. */
    protected void withSnapshots(EngineLog log, BiConsumer<SnapshotStrategy, EngineLog> action) {
        DatabaseTarget target = target(log);
        try (ManagedDatabase database = ManagedDatabase.open(target, log)) {
            action.accept(snapshotStrategy(target, database, log), log);
        }
    }

    protected SnapshotStrategy snapshotStrategy(DatabaseTarget target, ManagedDatabase database, EngineLog log) {
        return SnapshotStrategies.choose(snapshotStrategy, target, database, new SnapshotStrategies.ExternalServer(
                snapshotDataDir == null ? null : snapshotDataDir.toPath(), stopCommand, startCommand), log);
    }
}
