package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.workflow.SnapshotCommands;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Restores the migration snapshot taken by rsx:begin: a snapshot restore, never down-SQL.
 *
 * @since 0.1.0
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractSnapshotMojo {

    @Override
    protected String goal() {
        return "rollback";
    }

    @Override
    protected void run(EngineLog log) {
        withSnapshots(log, (strategy, goalLog) -> {
            SnapshotCommands.requireExists(strategy, Snapshot.MIGRATION);
            SnapshotCommands.restore(strategy, Snapshot.MIGRATION, goalLog);
        });
    }
}
