package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.workflow.SnapshotCommands;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Drops the migration snapshot once your migrations are right (seed 001's migrate:commit).
 *
 * @since 0.1.0
 */
@Mojo(name = "commit", threadSafe = true)
public class CommitMojo extends AbstractSnapshotMojo {

    @Override
    protected String goal() {
        return "commit";
    }

    @Override
    protected void run(EngineLog log) {
        withSnapshots(log, (strategy, goalLog) -> {
            SnapshotCommands.requireExists(strategy, Snapshot.MIGRATION);
            SnapshotCommands.drop(strategy, Snapshot.MIGRATION, goalLog);
        });
    }
}
