package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.ProjectException;
import dev.rsx.snapshot.Snapshot;
import dev.rsx.workflow.SnapshotCommands;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates, restores, drops or lists named snapshots of the database: {@code -Drsx.snapshot.action=create|restore|drop|list}.
 *
 * @since 0.1.0
 */
@Mojo(name = "snapshot", threadSafe = true)
public class SnapshotMojo extends AbstractSnapshotMojo {

    /**
     * {@code create}, {@code restore}, {@code drop} or {@code list}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.snapshot.action", defaultValue = "list")
    protected String action;

    /**
     * The snapshot's name.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.snapshot.name", defaultValue = Snapshot.MIGRATION)
    protected String snapshotName;

    @Override
    protected String goal() {
        return "snapshot";
    }

    @Override
    protected void run(EngineLog log) {
        String requested = action();
        withSnapshots(log, (strategy, goalLog) -> {
            switch (requested) {
                case "create" -> SnapshotCommands.create(strategy, snapshotName, goalLog);
                case "restore" -> SnapshotCommands.restore(strategy, snapshotName, goalLog);
                case "drop" -> SnapshotCommands.drop(strategy, snapshotName, goalLog);
                default -> SnapshotCommands.list(strategy, goalLog);
            }
        });
    }

    private String action() {
        String normalized = action == null ? "list" : action.strip().toLowerCase(Locale.ROOT);
        if (!List.of("create", "restore", "drop", "list").contains(normalized)) {
            throw new ProjectException("rsx.snapshot.action is '" + action + "'; use create, restore, drop or list.");
        }
        return normalized;
    }
}
