package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.engine.MigrationState;
import dev.rsx.engine.MigrationStatus;
import dev.rsx.engine.ProjectException;
import dev.rsx.engine.StatusReport;
import dev.rsx.server.ManagedDatabase;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        StatusReport report;
        try (ManagedDatabase database = ManagedDatabase.open(target(log), log)) {
            log.info("Database: " + database.description());
            report = new MigrationEngine(log).status(database.connection(), migrationsDir.toPath());
        }
        StatusTable.print(report, log);
        List<MigrationStatus> notApplied = report.rows().stream().filter(r -> r.state() != MigrationState.APPLIED).toList();
        if (failOnPending && !notApplied.isEmpty()) {
            throw new ProjectException(notApplied.size() + " migration" + (notApplied.size() == 1 ? " is" : "s are")
                    + " not applied (" + String.join(", ", notApplied.stream()
                            .map(r -> r.fileName() + ": " + r.state().label()).toList())
                    + ") and rsx.failOnPending is true. Run mvn rsx:migrate against this database first.");
        }
    }

    /** The status report as an aligned table in the log. */
    static final class StatusTable {

        private StatusTable() {}

        static void print(StatusReport report, EngineLog log) {
            if (report.rows().isEmpty()) {
                log.info("No migrations yet. Create one with mvn rsx:new -Dname=create_products_table");
                return;
            }
            int versionWidth = Math.max(7, report.rows().stream().mapToInt(r -> r.version().length()).max().orElse(0));
            int descriptionWidth = Math.min(60, Math.max(11, report.rows().stream()
                    .mapToInt(r -> r.description().length()).max().orElse(0)));
            String format = "%-" + versionWidth + "s  %-" + descriptionWidth + "s  %-12s  %s";
            log.info(String.format(format, "Version", "Description", "State", "Applied at").stripTrailing());
            for (MigrationStatus row : report.rows()) {
                String line = String.format(format, row.version(), row.description(), row.state().label(),
                        row.appliedAt() == null ? "" : APPLIED_AT.format(row.appliedAt())).stripTrailing();
                if (row.state() == MigrationState.CHANGED || row.state() == MigrationState.FILE_MISSING) {
                    log.warn(line);
                } else {
                    log.info(line);
                }
            }
            long applied = report.inState(MigrationState.APPLIED).size();
            long pending = report.pending().size();
            long problems = report.rows().size() - applied - pending;
            log.info(report.rows().size() + " migration" + (report.rows().size() == 1 ? "" : "s") + ": " + applied
                    + " applied, " + pending + " pending" + (problems > 0 ? ", " + problems + " changed or missing" : "")
                    + "; current version " + (report.currentVersion() == null ? "none" : report.currentVersion()) + ".");
        }
    }
}
