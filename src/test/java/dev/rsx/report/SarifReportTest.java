package dev.rsx.report;

import static dev.rsx.report.JsonCheckReportTest.ORDERS;
import static dev.rsx.report.JsonCheckReportTest.PRODUCTION;
import static dev.rsx.report.JsonCheckReportTest.USERS;
import static dev.rsx.report.JsonCheckReportTest.dropColumn;
import static dev.rsx.report.JsonCheckReportTest.liveLatin1;
import static dev.rsx.report.JsonCheckReportTest.missingId;
import static dev.rsx.report.JsonCheckReportTest.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.rsx.rules.Finding;
import dev.rsx.rules.RuleCatalog;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.Waiver;
import dev.rsx.rules.checks.DropColumnRule;
import dev.rsx.rules.checks.RequiredIdRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class SarifReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** OASIS's SARIF 2.1.0 schema (errata 01), a draft-04 schema: the validator picks the dialect from its $schema. */
    private static final Schema SARIF_SCHEMA = sarifSchema();

    private static Schema sarifSchema() {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> violations(String sarif) {
        return SARIF_SCHEMA.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static JsonNode run(CheckReport report) {
        JsonNode sarif = MAPPER.readTree(SarifReport.render(report));
        assertEquals(1, sarif.get("runs").size());
        return sarif.get("runs").get(0);
    }

    @Test
    void validatesAgainstTheOfficialSarifSchema() {
        for (CheckReport report : List.of(report(RulePolicy.development()),
                report(RulePolicy.development(), missingId(), dropColumn(new Waiver("RSX502", "backed up", 6)),
                        liveLatin1()),
                report(PRODUCTION, dropColumn(null), new Finding(RuleCatalog.SUM_MISSING, null, 0, 0, null,
                        "No rsx.sum in src/main/resources/db/migrations.", null, null)))) {
            String sarif = SarifReport.render(report);
            assertEquals(List.of(), violations(sarif), sarif);
        }
    }

    @Test
    void theSchemaCatchesWhatTheWriterMustNotProduce() {
        String sarif = SarifReport.render(report(RulePolicy.development(), missingId()));
        assertFalse(violations(sarif.replace("\"level\": \"error\"", "\"level\": \"fatal\"")).isEmpty());
        assertFalse(violations(sarif.replace("\"startLine\": 4", "\"startLine\": 0")).isEmpty());
        assertFalse(violations(sarif.replace("\"executionSuccessful\": true", "\"executionSuccessful\": \"yes\"")).isEmpty());
        assertFalse(violations(sarif.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")).isEmpty());
    }

    @Test
    void headerAndDriver() {
        JsonNode sarif = MAPPER.readTree(SarifReport.render(report(new RulePolicy(Set.of("RSX603"), false, false))));
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", sarif.get("$schema").asString());
        assertEquals("2.1.0", sarif.get("version").asString());

        JsonNode driver = sarif.get("runs").get(0).get("tool").get("driver");
        assertEquals("RSX Migrate", driver.get("name").asString());
        assertEquals("0.1.0-SNAPSHOT", driver.get("version").asString());
        assertEquals(RuleCatalog.all().stream().map(RuleDefinition::id).toList(),
                driver.get("rules").values().stream().map(r -> r.get("id").asString()).toList());

        JsonNode drop = driver.get("rules").get(RuleCatalog.all().indexOf(DropColumnRule.DEFINITION));
        assertEquals("DropColumnDeletesData", drop.get("name").asString());
        assertEquals("DROP COLUMN deletes data", drop.get("shortDescription").get("text").asString());
        String help = DropColumnRule.DEFINITION.remediation() + "\nExample:\n" + DropColumnRule.DEFINITION.example();
        assertEquals(help, drop.get("fullDescription").get("text").asString());
        assertEquals(help, drop.get("help").get("text").asString());
        assertEquals("warning", drop.get("defaultConfiguration").get("level").asString());
        assertTrue(drop.get("defaultConfiguration").get("enabled").asBoolean());
        assertEquals(List.of("destructive", "dangerous"),
                drop.get("properties").get("tags").values().stream().map(JsonNode::asString).toList());

        JsonNode outOfOrder = driver.get("rules").get(RuleCatalog.all().indexOf(RuleCatalog.OUT_OF_ORDER));
        assertEquals("NoPendingMigrationOlderThanTheNewestAppliedOne", outOfOrder.get("name").asString());
        assertEquals("error", outOfOrder.get("defaultConfiguration").get("level").asString());
        assertFalse(outOfOrder.get("defaultConfiguration").get("enabled").asBoolean());
        assertFalse(outOfOrder.has("properties"));
    }

    @Test
    void aFindingInAFilePointsAtItsMarkedLine() {
        JsonNode run = run(report(RulePolicy.development(), missingId()));
        JsonNode result = run.get("results").get(0);
        assertEquals(List.of("ruleId", "ruleIndex", "level", "message", "locations"), List.copyOf(result.propertyNames()));
        assertEquals("RSX101", result.get("ruleId").asString());
        int index = result.get("ruleIndex").asInt();
        assertEquals("RSX101", run.get("tool").get("driver").get("rules").get(index).get("id").asString());
        assertEquals("error", result.get("level").asString());
        assertEquals("Table users has no id column.", result.get("message").get("text").asString());

        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertEquals("src/main/resources/db/migrations/" + USERS, physical.get("artifactLocation").get("uri").asString());
        assertEquals("%SRCROOT%", physical.get("artifactLocation").get("uriBaseId").asString());
        assertEquals(4, physical.get("region").get("startLine").asInt());
        assertFalse(physical.get("region").has("startColumn"));
    }

    @Test
    void theStatementLineStandsInForAMissingMarkedLineAndNoLineMeansNoRegion() {
        Finding statementOnly = new Finding(RequiredIdRule.DEFINITION, USERS, 3, 0, "users", "m", null, null);
        Finding wholeFile = new Finding(RuleCatalog.FILE_NAME, "create_users.sql", 0, 0, null, "m", null, null);
        JsonNode results = run(report(RulePolicy.development(), statementOnly, wholeFile)).get("results");
        assertEquals(3, results.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine")
                .asInt());
        JsonNode physical = results.get(1).get("locations").get(0).get("physicalLocation");
        assertEquals("src/main/resources/db/migrations/create_users.sql", physical.get("artifactLocation").get("uri")
                .asString());
        assertFalse(physical.has("region"));
    }

    @Test
    void levelFollowsThePolicy() {
        assertEquals("warning", run(report(RulePolicy.development(), dropColumn(null))).get("results").get(0)
                .get("level").asString());
        assertEquals("error", run(report(PRODUCTION, dropColumn(null))).get("results").get(0).get("level").asString());
        assertEquals("warning", run(report(new RulePolicy(Set.of(), true, true), dropColumn(null))).get("results")
                .get(0).get("level").asString());
    }

    @Test
    void aWaivedFindingIsSuppressedInSourceWithItsReason() {
        JsonNode result = run(report(PRODUCTION, dropColumn(new Waiver(null, "column unused since v2.3", 6))))
                .get("results").get(0);
        assertEquals("warning", result.get("level").asString());
        assertEquals("src/main/resources/db/migrations/" + ORDERS, result.get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asString());
        JsonNode suppression = result.get("suppressions").get(0);
        assertEquals(1, result.get("suppressions").size());
        assertEquals("inSource", suppression.get("kind").asString());
        assertEquals("column unused since v2.3", suppression.get("justification").asString());

        JsonNode unwaived = run(report(PRODUCTION, dropColumn(new Waiver(null, "", 6)))).get("results").get(0);
        assertEquals("error", unwaived.get("level").asString());
        assertFalse(unwaived.has("suppressions"));
    }

    @Test
    void aLiveSchemaFindingNamesItsTableAsALogicalLocation() {
        JsonNode result = run(report(RulePolicy.development(), liveLatin1())).get("results").get(0);
        JsonNode location = result.get("locations").get(0);
        assertFalse(location.has("physicalLocation"));
        assertEquals("legacy_notes", location.get("logicalLocations").get(0).get("name").asString());
        assertEquals("table", location.get("logicalLocations").get(0).get("kind").asString());

        Finding noTable = new Finding(RuleCatalog.DRIFT_MISSING, null, 0, 0, null, "m", null, null);
        assertFalse(run(report(RulePolicy.development(), noTable)).get("results").get(0).has("locations"));
    }

    @Test
    void invocationAndSourceRoot() {
        JsonNode run = run(report(PRODUCTION, dropColumn(null)));
        JsonNode invocation = run.get("invocations").get(0);
        // The check ran to the end; that it found an error is the outcome, not a tool failure.
        assertTrue(invocation.get("executionSuccessful").asBoolean());
        assertEquals("2025-11-21T09:30:00.250Z", invocation.get("startTimeUtc").asString());
        assertEquals("2025-11-21T09:30:02.084Z", invocation.get("endTimeUtc").asString());
        assertEquals("failed", invocation.get("properties").get("outcome").asString());
        String root = run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString();
        assertEquals(Path.of("/work/shop").toUri().toString().replaceAll("/?$", "/"), root);
        assertTrue(root.startsWith("file:///") && root.endsWith("/"), root);
    }

    @Test
    void pathsArePercentEncodedUriReferences() {
        assertEquals("db/my%20migrations/20251121090000_caf%C3%A9.sql",
                SarifReport.relativeUri("db/my migrations/20251121090000_café.sql"));
        assertEquals("db/100%25/a.sql", SarifReport.relativeUri("db/100%/a.sql"));
        assertEquals("./c:/x.sql", SarifReport.relativeUri("c:/x.sql"));
        Finding spaced = new Finding(RequiredIdRule.DEFINITION, "20251121090000_a b.sql", 1, 1, null, "m", null, null);
        String sarif = SarifReport.render(report(RulePolicy.development(), spaced));
        assertEquals(List.of(), violations(sarif));
    }

    @Test
    void writesTheFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("rsx/check.sarif");
        CheckReport report = report(RulePolicy.development(), missingId());
        SarifReport.write(report, target);
        assertEquals(SarifReport.render(report), Files.readString(target));
    }
}
