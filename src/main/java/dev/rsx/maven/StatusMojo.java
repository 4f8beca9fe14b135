package dev.rsx.maven;

import dev.rsx.db.EarlyConnection;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.engine.MigrationState;
import dev.rsx.engine.MigrationStatus;
import dev.rsx.engine.ProjectException;
import dev.rsx.engine.StatusReport;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.ManagedDatabase;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows every migration with its state (applied, pending, changed, file missing) and when it was applied.
 *
 * @since 0.1.0
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractDatabaseMojo {

    /**
     * Fails the build when any migration is pending, changed or missing: a deployment gate.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.failOnPending", defaultValue = "false")
    protected boolean failOnPending;

    @Override
    protected String goal() {
        return "status";
    }

    @Override
    protected void run(EngineLog log) {
        DatabaseTarget target = target(log);
        StatusReport report;
        try (EarlyConnection early = connectAhead(target)) {
            MigrationChangeLog migrations = loadMigrations(log);
            try (ManagedDatabase database = ManagedDatabase.open(target, log)) {
                log.info("Database: " + database.description());
                report = new MigrationEngine(log).status(database.connection(), migrations);
            }
        }
        StatusTable.print(report, log);
        List<MigrationStatus> notApplied = report.rows().stream().filter(r -> r.state() != MigrationState.APPLIED).toList();
        if (failOnPending && !notApplied.isEmpty()) {
            throw new ProjectException(notApplied.size() + " migration" + (notApplied.size() == 1 ? " is" : "s are")
                    + " not applied (" + String.join(", ", notApplied.stream()
                            .map(r -> r.fileName() + ": " + r.state().label()).toList())
                    + ") and rsx.failOnPending is true. " + (notApplied.stream().allMatch(r -> r.state() == MigrationState.PENDING)
                            ? "Run mvn rsx:migrate against this database first."
                            : "Changed or missing files must be restored as they were applied (see the warnings above);"
                                    + " rsx:migrate refuses to run until they are."));
        }
    }
}
