package dev.rsx.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.report.LatestCheck;
import dev.rsx.report.MigrationOverview;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.Test;

/** The report page as HTML, rendered by Doxia's XHTML5 sink as the site renders it. */
class SiteReportRendererTest {

    private static final Path BASE = Path.of("/work/shop");
    private static final MigrationOverview APPLIED_AND_PENDING = new MigrationOverview("jdbc:mysql://db:3306/shop",
            List.of(new MigrationOverview.Row("001", "create_users_table", "001_create_users_table.sql", "applied",
                            LocalDateTime.of(2025, 11, 21, 9, 30, 5)),
                    new MigrationOverview.Row("002", "create_orders_table", "002_create_orders_table.sql", "pending", null)),
            "2 migrations: 1 applied, 1 pending; current version 001.", null);
    private static final LatestCheck FAILED_CHECK = new LatestCheck.Results(Instant.parse("2025-11-21T09:30:00.250Z"),
            Duration.ofMillis(1834), "0.1.0-SNAPSHOT", false, 1, 0, 1, 2, 5,
            List.of(new LatestCheck.Step("static", "passed", "2 migrations, 5 statements"),
                    new LatestCheck.Step("drift", "skipped", "no rsx.url: no live database to compare with")),
            List.of(new LatestCheck.RecordedFinding("RSX101", "error", false, "003_create_notes_table.sql", 4, "notes",
                            "Table notes has no id column."),
                    new LatestCheck.RecordedFinding("RSX502", "warning", true, "004_drop_legacy_column.sql", 7, "orders",
                            "Drops column orders.legacy_code."),
                    new LatestCheck.RecordedFinding("RSX104", "error", false, null, 0, "legacy_notes",
                            "Table legacy_notes uses latin1.")));

    private static String render(MigrationOverview migrations, LatestCheck check) {
        StringWriter html = new StringWriter();
        new SiteReportRenderer(new Xhtml5BaseSink(html), BASE).render("RSX Migrate", "What the database has applied.",
                migrations, check);
        return html.toString();
    }

    /** The text of every cell of every table row, in order; each table starts with its header row. */
    private static List<List<String>> rows(String html) {
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> paragraphs(String html) {
        return Pattern.compile("(?s)<p>(.*?)</p>").matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static List<String> headings(String html) {
        return Pattern.compile("(?s)<h(\\d)>(.*?)</h\\d>").matcher(html).results()
                .map(m -> m.group(1) + " " + m.group(2)).toList();
    }

    @Test
    void showsTheMigrationsThenTheLatestCheck() {
        String html = render(APPLIED_AND_PENDING, FAILED_CHECK);

        assertEquals(List.of("1 RSX Migrate", "2 Migrations", "2 Latest check", "3 Steps", "3 Findings"), headings(html));
        assertEquals(List.of(
                List.of("Version", "Description", "File", "State", "Applied at"),
                List.of("001", "create_users_table", "001_create_users_table.sql", "applied", "2025-11-21 09:30:05"),
                List.of("002", "create_orders_table", "002_create_orders_table.sql", "pending", ""),
                List.of("Step", "Outcome", "Detail"),
                List.of("static", "passed", "2 migrations, 5 statements"),
                List.of("drift", "skipped", "no rsx.url: no live database to compare with"),
                List.of("Rule", "Severity", "Location", "Message"),
                List.of("RSX101", "error", "003_create_notes_table.sql:4", "Table notes has no id column."),
                List.of("RSX502", "warning (waived)", "004_drop_legacy_column.sql:7", "Drops column orders.legacy_code."),
                List.of("RSX104", "error", "table legacy_notes", "Table legacy_notes uses latin1.")), rows(html));
        assertEquals(List.of("What the database has applied.", "Database: jdbc:mysql://db:3306/shop.",
                "2 migrations: 1 applied, 1 pending; current version 001.",
                "rsx:check failed on 2025-11-21 09:30:00 UTC in 1.8 s (RSX Migrate 0.1.0-SNAPSHOT): 1 error, 0 warnings,"
                        + " 1 waived; 2 files and 5 statements checked."), paragraphs(html));
    }

    @Test
    void anUnreachableDatabaseIsExplainedAboveTheFilesWithUnknownStates() {
        String reason = "The database jdbc:mysql://db:3306/shop could not be reached, so the state of every migration is"
                + " unknown: Cannot reach the database server at db:3306 (Connection refused).";
        MigrationOverview unknown = new MigrationOverview("jdbc:mysql://db:3306/shop", List.of(
                new MigrationOverview.Row("001", "create_users_table", "001_create_users_table.sql", "unknown", null)),
                "1 migration file, state unknown.", reason);

        String html = render(unknown, new LatestCheck.Missing(BASE.resolve("target/rsx/check.json")));

        assertEquals(List.of(List.of("Version", "Description", "File", "State", "Applied at"),
                List.of("001", "create_users_table", "001_create_users_table.sql", "unknown", "")), rows(html));
        assertEquals(List.of("What the database has applied.", reason, "1 migration file, state unknown.",
                "No rsx:check results: run mvn verify (rsx:check) before mvn site."), paragraphs(html));
    }

    @Test
    void anUnreadableCheckReportIsASentenceNotAFailure() {
        String html = render(APPLIED_AND_PENDING, new LatestCheck.Unreadable(BASE.resolve("target/rsx/check.json"),
                "\"summary\" is missing"));

        assertEquals("The rsx:check results in target/rsx/check.json cannot be shown: &quot;summary&quot; is missing.",
                paragraphs(html).get(paragraphs(html).size() - 1));
    }

    @Test
    void aPassingCheckWithoutFindingsAndNoMigrationsYet() {
        MigrationOverview none = new MigrationOverview("jdbc:mysql://db:3306/shop", List.of(),
                "0 migrations: 0 applied, 0 pending; current version none.", null);
        LatestCheck passed = new LatestCheck.Results(Instant.parse("2025-11-21T09:30:00Z"), Duration.ofMillis(250),
                "0.1.0", true, 0, 0, 0, 0, 0, List.of(), List.of());

        String html = render(none, passed);

        assertEquals(List.of("What the database has applied.", "Database: jdbc:mysql://db:3306/shop.",
                "No migrations yet. Create one with mvn rsx:new -Dname=create_products_table",
                "rsx:check passed on 2025-11-21 09:30:00 UTC in 0.3 s (RSX Migrate 0.1.0): 0 errors, 0 warnings, 0 waived;"
                        + " 0 files and 0 statements checked.", "No findings."), paragraphs(html));
        assertEquals(List.of(List.of("Step", "Outcome", "Detail")), rows(html));
    }

    @Test
    void escapesWhatMessagesQuote() {
        LatestCheck check = new LatestCheck.Results(Instant.EPOCH, Duration.ZERO, "0.1.0", false, 1, 0, 0, 1, 1, List.of(),
                List.of(new LatestCheck.RecordedFinding("RSX301", "error", false, "001_x.sql", 1, null,
                        "DROP TABLE <script>alert('x')</script> & \"y\"")));

        String html = render(APPLIED_AND_PENDING, check);

        assertFalse(html.contains("<script>"), html);
        assertTrue(rows(html).contains(List.of("RSX301", "error", "001_x.sql:1",
                "DROP TABLE &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;y&quot;")), html);
    }
}
