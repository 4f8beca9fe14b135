package dev.rsx.maven;

import dev.rsx.report.LatestCheck;
import dev.rsx.report.MigrationOverview;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;

/**
 * The rsx:report page in Doxia events: the migrations and their states, then the latest rsx:check results. Text goes
 * through {@link Sink#text} only, which escapes it: finding messages quote SQL.
 */
final class SiteReportRenderer {

    private static final String NO_CHECK = "No rsx:check results: run mvn verify (rsx:check) before mvn site.";
    private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CHECKED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Sink sink;
    private final Path baseDirectory;

    /** @param baseDirectory the project's, against which file names are shown */
    SiteReportRenderer(Sink sink, Path baseDirectory) {
        this.sink = sink;
        this.baseDirectory = baseDirectory.toAbsolutePath();
    }

    void render(String title, String description, MigrationOverview migrations, LatestCheck check) {
        sink.head();
        sink.title();
        sink.text(title);
        sink.title_();
        sink.head_();
        sink.body();
        section(1, title, () -> {
            paragraph(description);
            section(2, "Migrations", () -> migrations(migrations));
            section(2, "Latest check", () -> latestCheck(check));
        });
        sink.body_();
        sink.flush();
    }

    private void migrations(MigrationOverview migrations) {
        paragraph(migrations.unreachable() != null ? migrations.unreachable()
                : "Database: " + migrations.database() + ".");
        if (migrations.rows().isEmpty()) {
            paragraph("No migrations yet. Create one with mvn rsx:new -Dname=create_products_table");
        } else {
            table(List.of("Version", "Description", "File", "State", "Applied at"), migrations.rows().stream()
                    .map(row -> List.of(row.version(), row.description(), row.fileName(), row.state(),
                            row.appliedAt() == null ? "" : APPLIED_AT.format(row.appliedAt())))
                    .toList());
            paragraph(migrations.summary());
        }
    }

    private void latestCheck(LatestCheck check) {
        if (check instanceof LatestCheck.Results results) {
            results(results);
        } else if (check instanceof LatestCheck.Unreadable unreadable) {
            paragraph("The rsx:check results in " + shown(unreadable.file()) + " cannot be shown: "
                    + unreadable.reason() + ".");
        } else {
            paragraph(NO_CHECK);
        }
    }

    private void results(LatestCheck.Results results) {
        paragraph(summary(results));
        section(3, "Steps", () -> table(List.of("Step", "Outcome", "Detail"), results.steps().stream()
                .map(step -> List.of(step.step(), step.status(), step.detail())).toList()));
        section(3, "Findings", () -> {
            if (results.findings().isEmpty()) {
                paragraph("No findings.");
            } else {
                table(List.of("Rule", "Severity", "Location", "Message"), results.findings().stream()
                        .map(finding -> List.of(finding.ruleId(), finding.waived() ? finding.severity() + " (waived)"
                                : finding.severity(), finding.location(), finding.message()))
                        .toList());
            }
        });
    }

    /** "rsx:check passed on 2025-11-21 09:30:00 UTC in 1.8 s (RSX Migrate 0.1.0): 0 errors, 1 warning, ..." */
    private static String summary(LatestCheck.Results results) {
        String duration = String.format(Locale.ROOT, "%.1f", results.duration().toMillis() / 1000.0);
        return "rsx:check " + (results.passed() ? "passed" : "failed") + " on " + CHECKED_AT.format(results.startedAt())
                + " in " + duration + " s (RSX Migrate " + results.toolVersion() + "): "
                + plural(results.errors(), "error") + ", " + plural(results.warnings(), "warning") + ", "
                + results.waived() + " waived; " + plural(results.files(), "file") + " and "
                + plural(results.statements(), "statement") + " checked.";
    }

    private void section(int level, String title, Runnable content) {
        sink.section(level, null);
        sink.sectionTitle(level, null);
        sink.text(title);
        sink.sectionTitle_(level);
        content.run();
        sink.section_(level);
    }

    private void table(List<String> header, List<List<String>> rows) {
        sink.table();
        sink.tableRows();
        sink.tableRow();
        for (String name : header) {
            sink.tableHeaderCell();
            sink.text(name);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (List<String> row : rows) {
            sink.tableRow();
            for (String cell : row) {
                sink.tableCell();
                sink.text(cell);
                sink.tableCell_();
            }
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
    }

    private void paragraph(String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute).toString() : absolute.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
