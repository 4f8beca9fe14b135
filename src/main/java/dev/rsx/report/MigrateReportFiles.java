package dev.rsx.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where the migration reports go: {@code migrate-<UTC time>.md} and {@code .json} side by side, one pair per run, so
 * a directory of them is the database's history as this machine saw it.
 */
public final class MigrateReportFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private MigrateReportFiles() {}

    /**
     * Writes both files and returns the Markdown one's path.
     *
     * @throws dev.rsx.engine.EnvironmentException when a file cannot be written
     */
    public static Path write(Path directory, MigrateReport report) {
        String base = "migrate-" + STAMP.format(report.startedAt());
        Path markdown = directory.resolve(base + ".md");
        for (int n = 2; Files.exists(markdown); n++) {
            markdown = directory.resolve(base + "-" + n + ".md");
        }
        Path json = markdown.resolveSibling(markdown.getFileName().toString().replace(".md", ".json"));
        JsonWriter.save(markdown, MarkdownMigrateReport.render(report), "migration report");
        JsonWriter.save(json, JsonMigrateReport.render(report), "migration report");
        return markdown;
    }
}
