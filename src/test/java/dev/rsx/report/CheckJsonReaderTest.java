package dev.rsx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.rules.Finding;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.Waiver;
import dev.rsx.rules.checks.RequiredIdRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckJsonReaderTest {

    @TempDir
    Path dir;

    private Path written(CheckReport report) {
        Path file = dir.resolve("target/rsx/check.json");
        JsonCheckReport.write(report, file);
        return file;
    }

    private Path file(String json) throws IOException {
        Path file = dir.resolve("check.json");
        Files.writeString(file, json);
        return file;
    }

    private static String unreadable(Path file) {
        return assertInstanceOf(LatestCheck.Unreadable.class, CheckJsonReader.read(file)).reason();
    }

    @Test
    void readsTheSummaryStepsAndFindingsRsxCheckWrote() {
        Path file = written(JsonCheckReportTest.report(RulePolicy.development(), JsonCheckReportTest.missingId(),
                JsonCheckReportTest.dropColumn(new Waiver("RSX502", "column unused since v2.3, backed up", 6)),
                JsonCheckReportTest.liveLatin1()));

        LatestCheck.Results results = assertInstanceOf(LatestCheck.Results.class, CheckJsonReader.read(file));

        assertEquals(Instant.parse("2025-11-21T09:30:00.250Z"), results.startedAt());
        assertEquals(Duration.ofMillis(1834), results.duration());
        assertEquals("0.1.0-SNAPSHOT", results.toolVersion());
        assertFalse(results.passed());
        assertEquals(List.of(2L, 0L, 1L, 2L, 5L), List.of(results.errors(), results.warnings(), results.waived(),
                results.files(), results.statements()));
        assertEquals(List.of(new LatestCheck.Step("static", "passed", "2 migrations, 5 statements"),
                new LatestCheck.Step("drift", "skipped", "no rsx.url: no live database to compare with")), results.steps());
        assertEquals(List.of(
                new LatestCheck.RecordedFinding("RSX101", "error", false, JsonCheckReportTest.USERS, 4, "users",
                        "Table users has no id column."),
                new LatestCheck.RecordedFinding("RSX502", "warning", true, JsonCheckReportTest.ORDERS, 7, "orders",
                        "Drops column orders.legacy_code."),
                new LatestCheck.RecordedFinding("RSX104", "error", false, null, 0, "legacy_notes",
                        "Table legacy_notes uses latin1.")), results.findings());
        assertEquals(List.of("20251121090000_create_users_table.sql:4", "20251121093000_drop_legacy_column.sql:7",
                "table legacy_notes"), results.findings().stream().map(LatestCheck.RecordedFinding::location).toList());
    }

    @Test
    void aPassingRunWithoutFindings() {
        LatestCheck.Results results = assertInstanceOf(LatestCheck.Results.class,
                CheckJsonReader.read(written(JsonCheckReportTest.report(RulePolicy.development()))));
        assertTrue(results.passed());
        assertEquals(List.of(), results.findings());
    }

    @Test
    void keepsCharactersJsonWritesRawButYamlRefuses() {
        String message = "Column \"naïve\" with DEL \u007f, NEL \u0085, C1 \u0090, LS \u2028, \uFFFF, emoji \uD83D\uDE00,"
                + " \\ and a\nnewline";
        Finding finding = new Finding(RequiredIdRule.DEFINITION, JsonCheckReportTest.USERS, 1, 1, "users", message, null,
                null);
        LatestCheck.Results results = assertInstanceOf(LatestCheck.Results.class, CheckJsonReader.read(
                written(JsonCheckReportTest.report(RulePolicy.development(), finding))));
        assertEquals(message, results.findings().get(0).message());
    }

    @Test
    void readsReportsLargerThanSnakeYamlsDefaultLimit() throws IOException {
        Finding[] findings = new Finding[5000];
        Arrays.fill(findings, JsonCheckReportTest.missingId());
        Path file = written(JsonCheckReportTest.report(RulePolicy.development(), findings));
        assertTrue(Files.size(file) > 3 * 1024 * 1024, "the fixture must exceed 3 MB: " + Files.size(file));

        LatestCheck.Results results = assertInstanceOf(LatestCheck.Results.class, CheckJsonReader.read(file));
        assertEquals(5000, results.findings().size());
    }

    @Test
    void noFileMeansRsxCheckHasNotRun() {
        Path file = dir.resolve("target/rsx/check.json");
        assertEquals(new LatestCheck.Missing(file), CheckJsonReader.read(file));
    }

    @Test
    void aFileThatIsNotACheckReportSaysWhy() throws IOException {
        assertEquals("it is not valid JSON (expected the node content, but found '<stream end>' at line 1, column 23)",
                unreadable(file("{ \"schemaVersion\": 1, ")));
        assertEquals("it is not a JSON object", unreadable(file("[1, 2]")));
        assertEquals("\"schemaVersion\" is missing", unreadable(file("{}")));
        assertEquals("it has schemaVersion 2 and this plugin reads version 1; run rsx:check with this plugin version again",
                unreadable(file("{\"schemaVersion\": 2}")));
        assertEquals("\"summary\" is missing", unreadable(file("{\"schemaVersion\": 1}")));

        String valid = Files.readString(written(JsonCheckReportTest.report(RulePolicy.development(),
                JsonCheckReportTest.missingId())));
        assertEquals("\"findings[0].line\" is not an integer", unreadable(file(valid.replace("\"line\": 3", "\"line\": \"3\""))));
        assertEquals("\"summary.errors\" is not an integer", unreadable(file(valid.replace("\"errors\": 1", "\"errors\": 1.5"))));
        assertEquals("\"startedAt\" is not an ISO-8601 instant", unreadable(file(valid.replace("2025-11-21T09:30:00.250Z",
                "yesterday"))));
        assertEquals("\"tool.version\" is null", unreadable(file(valid.replace("\"version\": \"0.1.0-SNAPSHOT\"",
                "\"version\": null"))));
    }
}
