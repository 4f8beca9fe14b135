package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.workflow.SnapshotCommands;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Takes the migration snapshot before you start changing migrations (seed 001's migrate:begin).
 *
 * @since 0.1.0
 */
@Mojo(name = "begin", threadSafe = true)
public class BeginMojo extends AbstractSnapshotMojo {

    @Override
    protected String goal() {
        return "begin";
    }

    @Override
    protected void run(EngineLog log) {
        withSnapshots(log, (strategy, goalLog) -> {
            SnapshotCommands.create(strategy, Snapshot.MIGRATION, goalLog);
        });
    }
}
