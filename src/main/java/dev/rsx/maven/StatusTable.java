package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrationState;
import dev.rsx.engine.MigrationStatus;
import dev.rsx.engine.StatusReport;
import java.time.format.DateTimeFormatter;

/** The status report as an aligned table in the log; changed and missing migrations stand out as warnings. */
final class StatusTable {

    private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        log.info(report.summary());
    }
}
