package dev.rsx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.report.CheckReport.StepOutcome;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.Finding;
import dev.rsx.rules.RuleCatalog;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.Waiver;
import dev.rsx.rules.checks.DropColumnRule;
import dev.rsx.rules.checks.RequiredIdRule;
import dev.rsx.testing.JsonReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import dev.rsx.sql.WrittenTables;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class JsonCheckReportTest {

    static final String USERS = "20251121090000_create_users_table.sql";
    static final String ORDERS = "20251121093000_drop_legacy_column.sql";
    static final RulePolicy PRODUCTION = new RulePolicy(Set.of(), true, false);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Finding missingId() {
        return new Finding(RequiredIdRule.DEFINITION, USERS, 3, 4, "users", "Table users has no id column.",
                "CREATE TABLE users (\n    email VARCHAR(255) NOT NULL\n);", null);
    }

    static Finding dropColumn(Waiver waiver) {
        return new Finding(DropColumnRule.DEFINITION, ORDERS, 7, 7, "orders", "Drops column orders.legacy_code.",
                "ALTER TABLE orders DROP COLUMN legacy_code;", waiver);
    }

    static Finding liveLatin1() {
        return new Finding(RuleCatalog.LIVE_UTF8MB4, null, 0, 0, "legacy_notes", "Table legacy_notes uses latin1.",
                null, null);
    }

    static CheckReport report(RulePolicy policy, Finding... findings) {
        CheckResult result = new CheckResult(List.of(findings), List.of(), 2, 5, Set.of(), WrittenTables.NONE);
        return new CheckReport("0.1.0-SNAPSHOT", Instant.parse("2025-11-21T09:30:00.250Z"), Duration.ofMillis(1834),
                Path.of("/work/shop"), "src/main/resources/db/migrations", result, policy,
                List.of(StepOutcome.passed("static", "2 migrations, 5 statements"),
                        StepOutcome.skipped("drift", "no rsx.url: no live database to compare with")));
    }

    private static JsonNode render(CheckReport report) {
        return MAPPER.readTree(JsonCheckReport.render(report));
    }

    private static List<String> violations(String json) {
        return JsonReports.violations("docs/check-report.schema.json", json);
    }

    @Test
    void describesTheRunTheStepsAndEveryFinding() {
        JsonNode json = render(report(RulePolicy.development(), missingId(),
                dropColumn(new Waiver("RSX502", "column unused since v2.3, backed up", 6)), liveLatin1()));

        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("RSX Migrate", json.get("tool").get("name").asString());
        assertEquals("0.1.0-SNAPSHOT", json.get("tool").get("version").asString());
        assertEquals("2025-11-21T09:30:00.250Z", json.get("startedAt").asString());
        assertEquals(1834, json.get("durationMs").asInt());
        assertEquals("src/main/resources/db/migrations", json.get("migrationsDirectory").asString());

        JsonNode summary = json.get("summary");
        assertEquals(List.of("errors", "warnings", "waived", "files", "statements", "outcome"),
                List.copyOf(summary.propertyNames()));
        assertEquals(2, summary.get("errors").asInt());
        assertEquals(0, summary.get("warnings").asInt());
        assertEquals(1, summary.get("waived").asInt());
        assertEquals(2, summary.get("files").asInt());
        assertEquals(5, summary.get("statements").asInt());
        assertEquals("failed", summary.get("outcome").asString());

        assertEquals(2, json.get("steps").size());
        assertEquals("skipped", json.get("steps").get(1).get("status").asString());
        assertEquals("no rsx.url: no live database to compare with", json.get("steps").get(1).get("detail").asString());

        JsonNode id = json.get("findings").get(0);
        assertEquals(List.of("ruleId", "title", "severity", "destructive", "risk", "file", "line", "markedLine", "table",
                "message", "remediation", "example", "waived", "waiver"), List.copyOf(id.propertyNames()));
        assertEquals("RSX101", id.get("ruleId").asString());
        assertEquals(RequiredIdRule.DEFINITION.title(), id.get("title").asString());
        assertEquals("error", id.get("severity").asString());
        assertFalse(id.get("destructive").asBoolean());
        assertTrue(id.get("risk").isNull());
        assertEquals(USERS, id.get("file").asString());
        assertEquals(3, id.get("line").asInt());
        assertEquals(4, id.get("markedLine").asInt());
        assertEquals("users", id.get("table").asString());
        assertEquals("Table users has no id column.", id.get("message").asString());
        assertEquals(RequiredIdRule.DEFINITION.remediation(), id.get("remediation").asString());
        assertEquals(RequiredIdRule.DEFINITION.example(), id.get("example").asString());
        assertFalse(id.get("waived").asBoolean());
        assertTrue(id.get("waiver").isNull());

        JsonNode drop = json.get("findings").get(1);
        assertEquals("warning", drop.get("severity").asString());
        assertTrue(drop.get("destructive").asBoolean());
        assertEquals("dangerous", drop.get("risk").asString());
        assertTrue(drop.get("waived").asBoolean());
        assertEquals("rsx:allow RSX502 column unused since v2.3, backed up", drop.get("waiver").get("comment").asString());
        assertEquals("column unused since v2.3, backed up", drop.get("waiver").get("reason").asString());
        assertEquals(6, drop.get("waiver").get("line").asInt());

        JsonNode live = json.get("findings").get(2);
        assertEquals("RSX104", live.get("ruleId").asString());
        assertTrue(live.get("file").isNull());
        assertEquals(0, live.get("line").asInt());
        assertEquals("legacy_notes", live.get("table").asString());
    }

    @Test
    void severityIsWhatThePolicyMakesOfTheFinding() {
        JsonNode development = render(report(RulePolicy.development(), dropColumn(null)));
        assertEquals("warning", development.get("findings").get(0).get("severity").asString());
        assertEquals("passed", development.get("summary").get("outcome").asString());
        assertEquals(1, development.get("summary").get("warnings").asInt());

        JsonNode production = render(report(PRODUCTION, dropColumn(null)));
        assertEquals("error", production.get("findings").get(0).get("severity").asString());
        assertEquals("failed", production.get("summary").get("outcome").asString());
        assertEquals(1, production.get("summary").get("errors").asInt());
    }

    @Test
    void aWaiverWithoutReasonIsShownButDoesNotWaive() {
        JsonNode finding = render(report(PRODUCTION, dropColumn(new Waiver(null, " ", 6)))).get("findings").get(0);
        assertEquals("error", finding.get("severity").asString());
        assertFalse(finding.get("waived").asBoolean());
        assertEquals("rsx:allow-destructive", finding.get("waiver").get("comment").asString());
        assertTrue(finding.get("waiver").get("reason").isNull());
    }

    @Test
    void aFailedStepFailsTheOutcomeEvenWithoutErrors() {
        CheckReport report = report(RulePolicy.development());
        CheckReport failed = new CheckReport(report.toolVersion(), report.startedAt(), report.duration(),
                report.baseDirectory(), report.migrationsDirectory(), report.result(), report.policy(),
                List.of(StepOutcome.failed("dev-database", "on embedded MariaDB 11.4.5")));
        assertEquals("passed", render(report).get("summary").get("outcome").asString());
        assertEquals("failed", render(failed).get("summary").get("outcome").asString());
    }

    @Test
    void listsEveryRuleWithWhetherItRuns() {
        JsonNode rules = render(report(new RulePolicy(Set.of("rsx603"), false, false))).get("rules");
        assertEquals(RuleCatalog.all().stream().map(RuleDefinition::id).toList(),
                rules.values().stream().map(r -> r.get("id").asString()).toList());
        JsonNode dropColumn = rules.get(RuleCatalog.all().indexOf(DropColumnRule.DEFINITION));
        assertEquals("warning", dropColumn.get("severity").asString());
        assertEquals("dangerous", dropColumn.get("risk").asString());
        assertTrue(dropColumn.get("enabled").asBoolean());
        JsonNode outOfOrder = rules.get(RuleCatalog.all().indexOf(RuleCatalog.OUT_OF_ORDER));
        assertEquals("error", outOfOrder.get("severity").asString());
        assertTrue(outOfOrder.get("risk").isNull());
        assertFalse(outOfOrder.get("enabled").asBoolean());
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndKeepsUnicode() {
        String message = "Column \"naïve\" in C:\\tmp\nline\ttab\u0001 \u2028 emoji \uD83D\uDE00 end";
        Finding finding = new Finding(RequiredIdRule.DEFINITION, USERS, 1, 1, "users", message, null, null);
        String json = JsonCheckReport.render(report(RulePolicy.development(), finding));

        assertTrue(json.contains("\"message\": \"Column \\\"naïve\\\" in C:\\\\tmp\\nline\\ttab\\u0001 \\u2028 emoji "
                + "\uD83D\uDE00 end\""), json);
        assertEquals(message, MAPPER.readTree(json).get("findings").get(0).get("message").asString());
        assertTrue(violations(json).isEmpty());
    }

    @Test
    void escapesEveryControlCharacterAndLoneSurrogates() {
        assertEquals("\"\\b\\f\\r\\u0000\\u001f\u007f\"", JsonWriter.quote("\b\f\r\u0000\u001f\u007f"));
        // UTF-8 cannot carry a lone surrogate, so it must not reach the file raw.
        assertEquals("\"a\\ud800b\\udc00\"", JsonWriter.quote("a\uD800b\uDC00"));
        assertEquals("\"\uD83D\uDE00\"", JsonWriter.quote("\uD83D\uDE00"));
        assertEquals("\"\\u2029\"", JsonWriter.quote("\u2029"));
    }

    @Test
    void nestsAndRefusesMalformedDocuments() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").toJson());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value("a"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("a"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2));
        assertEquals("{\n  \"a\": [],\n  \"b\": {}\n}\n",
                new JsonWriter().beginObject().name("a").beginArray().endArray().name("b").beginObject().endObject()
                        .endObject().toJson());
    }

    @Test
    void validatesAgainstTheDocumentedSchema() {
        for (CheckReport report : List.of(report(RulePolicy.development()),
                report(RulePolicy.development(), missingId(), dropColumn(new Waiver(null, "backed up", 6)), liveLatin1()),
                report(PRODUCTION, dropColumn(new Waiver("RSX502", "", 6))))) {
            String json = JsonCheckReport.render(report);
            assertEquals(List.of(), violations(json), json);
        }
    }

    @Test
    void theSchemaRejectsWhatTheWriterMustNotProduce() {
        String json = JsonCheckReport.render(report(RulePolicy.development(), missingId()));
        assertFalse(violations(json.replace("\"schemaVersion\": 1", "\"schemaVersion\": 1, \"extra\": true")).isEmpty());
        assertFalse(violations(json.replace("\"severity\": \"error\"", "\"severity\": \"fatal\"")).isEmpty());
        assertFalse(violations(json.replace("\"outcome\": \"failed\"", "\"outcome\": \"maybe\"")).isEmpty());
        assertFalse(violations(json.replace("\"ruleId\": \"RSX101\"", "\"ruleId\": \"101\"")).isEmpty());
        assertFalse(violations(json.replace("2025-11-21T09:30:00.250Z", "yesterday")).isEmpty());
    }

    @Test
    void writesTheFileCreatingItsDirectory(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("target/rsx/check.json");
        CheckReport report = report(RulePolicy.development(), missingId());
        JsonCheckReport.write(report, target);
        assertEquals(JsonCheckReport.render(report), Files.readString(target, StandardCharsets.UTF_8));
    }

    @Test
    void migrationsDirectoryIsRelativeWithForwardSlashes() {
        assertEquals("src/main/resources/db/migrations",
                CheckReport.relative(Path.of("/work/shop"), Path.of("/work/shop/src/main/resources/db/migrations")));
        CheckReport report = new CheckReport("1", Instant.EPOCH, Duration.ZERO, Path.of("/work/shop"),
                "db\\migrations/", CheckResult.of(List.of()), RulePolicy.development(), List.of());
        assertEquals("db/migrations", report.migrationsDirectory());
        assertThrows(IllegalArgumentException.class, () -> new CheckReport("1", Instant.EPOCH, Duration.ZERO,
                Path.of("/work/shop"), "/abs/migrations", CheckResult.of(List.of()), RulePolicy.development(), List.of()));
    }
}
