package dev.rsx.report;

import dev.rsx.report.MigrateReport.Migration;
import dev.rsx.report.MigrateReport.MigrationOutcome;
import dev.rsx.report.MigrateReport.RowCount;
import dev.rsx.report.MigrateReport.Rule;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The migration report as Markdown, for people: reviewers, and whoever reads a CI artifact after a failed deploy. */
public final class MarkdownMigrateReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MarkdownMigrateReport() {}

    public static String render(MigrateReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Migration report: ").append(report.outcome().label()).append("\n\n");
        summary(md, report);
        snapshot(md, report);
        migrations(md, report);
        schemaChanges(md, report);
        dataImpact(md, report);
        rules(md, "Destructive changes", report.destructiveChanges(), true, "No destructive changes.");
        rules(md, "Rule warnings", report.warnings(), false, "No rule warnings.");
        md.append("## Schema\n\n");
        if (report.diagram() == null) {
            md.append("The schema could not be read after the run.\n");
        } else {
            md.append("```mermaid\n").append(report.diagram()).append("```\n");
        }
        return md.toString();
    }

    private static void summary(StringBuilder md, MigrateReport report) {
        long applied = count(report, MigrationOutcome.APPLIED) + count(report, MigrationOutcome.UNDONE);
        md.append("## Summary\n\n| | |\n|---|---|\n");
        row(md, "Started", TIME.format(report.startedAt()));
        row(md, "Duration", millis(report.duration()));
        row(md, "Database", code(report.database()));
        row(md, "Mode", report.mode());
        row(md, "Outcome", "**" + report.outcome().label() + "**");
        row(md, "Migrations", report.migrations().isEmpty() ? "nothing was pending"
                : applied + " applied, " + count(report, MigrationOutcome.FAILED) + " failed, "
                        + count(report, MigrationOutcome.NOT_RUN) + " not run"
                        + (count(report, MigrationOutcome.UNDONE) > 0 ? "; the restore undid what was applied" : ""));
        md.append('\n');
        if (report.failure() != null) {
            md.append("```text\n").append(report.failure().strip()).append("\n```\n\n");
        }
    }

    private static void snapshot(StringBuilder md, MigrateReport report) {
        md.append("## Snapshot\n\n");
        MigrateReport.SnapshotUse snapshot = report.snapshot();
        if (snapshot == null) {
            md.append("No snapshot: ").append(report.mode().startsWith("development")
                    ? "nothing was pending, or the run stopped before taking one." : "only development mode takes one.")
                    .append("\n\n");
            return;
        }
        md.append("| Name | Strategy | Size | Time to take | Time to restore |\n|---|---|---|---|---|\n");
        md.append("| ").append(code(snapshot.name())).append(" | ").append(snapshot.strategy()).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f MB", snapshot.sizeBytes() / 1_000_000.0)).append(" | ")
                .append(snapshot.takeTime() == null ? "taken by rsx:begin" : millis(snapshot.takeTime())).append(" | ")
                .append(snapshot.restoreTime() == null ? "not restored" : millis(snapshot.restoreTime())).append(" |\n\n");
    }

    private static void migrations(StringBuilder md, MigrateReport report) {
        md.append("## Migrations\n\n");
        if (report.migrations().isEmpty()) {
            md.append("Nothing was pending.\n\n");
            return;
        }
        md.append("| Version | File | Description | Statements | Duration | Outcome |\n|---|---|---|---:|---:|---|\n");
        for (Migration m : report.migrations()) {
            md.append("| ").append(m.version()).append(" | ").append(code(m.file())).append(" | ").append(cell(m.description()))
                    .append(" | ").append(m.statements()).append(" | ").append(m.duration() == null ? "" : millis(m.duration()))
                    .append(" | ").append(m.state() == MigrationOutcome.FAILED ? "**failed**" : m.state().label()).append(" |\n");
        }
        md.append('\n');
        for (Migration m : report.migrations()) {
            if (m.state() == MigrationOutcome.FAILED) {
                md.append("Failed statement, ").append(code(m.file() + ":" + m.failedLine())).append(":\n\n```sql\n")
                        .append(m.failedStatement().strip()).append("\n```\n\nServer said: ").append(code(m.serverMessage()))
                        .append("\n\n");
            }
        }
    }

    private static void schemaChanges(StringBuilder md, MigrateReport report) {
        md.append("## Schema changes\n\n");
        SchemaDiff diff = report.schemaChanges();
        if (diff == null) {
            md.append("The schema could not be read after the run.\n\n");
        } else if (diff.isEmpty()) {
            md.append("No tables or columns changed.\n\n");
        } else {
            list(md, "Added", diff.tablesAdded().stream().map(t -> "table " + code(t)).toList(),
                    diff.columnsAdded().stream().map(c -> "column " + code(c)).toList());
            list(md, "Modified", List.of(), diff.columnsModified().stream().map(c -> "column " + code(c)).toList());
            list(md, "Dropped", diff.tablesDropped().stream().map(t -> "table " + code(t)).toList(),
                    diff.columnsDropped().stream().map(c -> "column " + code(c)).toList());
        }
        if (!report.normalization().isEmpty()) {
            md.append("### Normalization\n\n");
            report.normalization().forEach(action -> md.append("- ").append(cell(action)).append('\n'));
            md.append('\n');
        }
    }

    private static void list(StringBuilder md, String heading, List<String> tables, List<String> columns) {
        if (tables.isEmpty() && columns.isEmpty()) {
            return;
        }
        md.append("### ").append(heading).append("\n\n");
        tables.forEach(t -> md.append("- ").append(t).append('\n'));
        columns.forEach(c -> md.append("- ").append(c).append('\n'));
        md.append('\n');
    }

    private static void dataImpact(StringBuilder md, MigrateReport report) {
        md.append("## Data impact\n\n");
        if (report.dataImpact().isEmpty()) {
            md.append("No tables were affected.\n\n");
            return;
        }
        md.append("| Table | Rows before | Rows after |\n|---|---:|---:|\n");
        for (RowCount count : report.dataImpact()) {
            md.append("| ").append(code(count.table())).append(" | ").append(count.before() == null ? "(new)" : count.before())
                    .append(" | ").append(count.after() == null ? "(dropped)" : count.after()).append(" |\n");
        }
        md.append('\n');
    }

    private static void rules(StringBuilder md, String heading, List<Rule> rules, boolean acknowledgements, String none) {
        md.append("## ").append(heading).append("\n\n");
        if (rules.isEmpty()) {
            md.append(none).append("\n\n");
            return;
        }
        md.append(acknowledgements ? "| Rule | Where | What | Acknowledgement |\n|---|---|---|---|\n"
                : "| Rule | Where | What |\n|---|---|---|\n");
        for (Rule rule : rules) {
            md.append("| ").append(rule.rule()).append(' ').append(cell(rule.title())).append(" | ").append(code(rule.location()))
                    .append(" | ").append(cell(rule.message()));
            if (acknowledgements || rule.acknowledgement() != null) {
                md.append(" | ").append(cell(rule.acknowledgement() == null ? "" : rule.acknowledgement()));
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    private static long count(MigrateReport report, MigrationOutcome outcome) {
        return report.migrations().stream().filter(m -> m.state() == outcome).count();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** Inline code that survives any content: backticks inside get a longer fence. */
    private static String code(String text) {
        String fence = text.contains("`") ? "`` " : "`";
        return fence + cell(text) + new StringBuilder(fence).reverse();
    }

    /** A table cell: one line, no unescaped pipe. */
    private static String cell(String text) {
        return text.replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }
}
