package dev.rsx.testing;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.rules.RuleOptions;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.workflow.MigrateWorkflow;
import dev.rsx.workflow.Mode;
import dev.rsx.workflow.ModeDecision;
import java.nio.file.Path;

/** Runs one development-mode migrate in a JVM of its own, so a test can kill it with SIGKILL mid-migration. */
public final class WorkflowMain {

    public static void main(String[] args) {
        ConnectionSettings settings = new ConnectionSettings(JdbcUrl.parse(args[0]), args[1], args.length > 3 ? args[3] : "");
        new MigrateWorkflow(EngineLog.silent()).run(new MigrateWorkflow.Settings(settings,
                MigrationChangeLog.load(Path.of(args[2]), EngineLog.silent()), new MigrateOptions(null), null, RuleOptions.defaults(),
                new ModeDecision(Mode.DEVELOPMENT, "test"), new LogicalSnapshot(settings), true));
    }
}
