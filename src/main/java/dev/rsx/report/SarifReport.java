package dev.rsx.report;

import dev.rsx.rules.Finding;
import dev.rsx.rules.RuleCatalog;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code check.sarif}: the findings as SARIF 2.1.0, so CI systems (GitHub code scanning, GitLab, Azure
 * DevOps) annotate the SQL lines. Migration files are named relative to {@code %SRCROOT%}, the project base
 * directory; findings on the live schema have no file and name their table as a logical location; waived findings
 * are kept, suppressed in source with the waiver's reason, so the accepted exceptions stay visible.
 */
public final class SarifReport {

    public static final String TOOL_NAME = "RSX Migrate";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    private SarifReport() {}

    /**
     * Writes the report to {@code target}, creating its directory.
     *
     * @throws dev.rsx.engine.EnvironmentException when the file cannot be written
     */
    public static void write(CheckReport report, Path target) {
        JsonWriter.save(target, render(report), "SARIF report");
    }

    public static String render(CheckReport report) {
        RulePolicy policy = report.policy();
        List<RuleDefinition> rules = RuleCatalog.all();
        JsonWriter json = new JsonWriter().beginObject();
        json.field("$schema", SCHEMA);
        json.field("version", "2.1.0");
        json.name("runs").beginArray().beginObject();

        json.name("tool").beginObject().name("driver").beginObject();
        json.field("name", TOOL_NAME);
        json.field("version", report.toolVersion());
        json.name("rules").beginArray();
        rules.forEach(rule -> rule(json, rule, policy));
        json.endArray();
        json.endObject().endObject();

        // executionSuccessful is about the tool, not the findings (SARIF 2.1.0, invocation object): a check that
        // ran to the end and found errors was successful. Whether the build passes goes in the properties.
        json.name("invocations").beginArray().beginObject()
                .field("executionSuccessful", true)
                .field("startTimeUtc", DateTimeFormatter.ISO_INSTANT.format(report.startedAt()))
                .field("endTimeUtc", DateTimeFormatter.ISO_INSTANT.format(report.startedAt().plus(report.duration())))
                .name("properties").beginObject().field("outcome", report.passed() ? "passed" : "failed").endObject()
                .endObject().endArray();

        json.name("originalUriBaseIds").beginObject().name(SRCROOT).beginObject()
                .field("uri", directoryUri(report.baseDirectory()))
                .name("description").beginObject().field("text", "The Maven project's base directory").endObject()
                .endObject().endObject();

        json.name("results").beginArray();
        for (Finding finding : report.result().findings()) {
            result(json, finding, rules.indexOf(finding.rule()), report);
        }
        json.endArray();

        json.endObject().endArray();
        return json.endObject().toJson();
    }

    private static void rule(JsonWriter json, RuleDefinition rule, RulePolicy policy) {
        String help = rule.remediation() + "\nExample:\n" + rule.example();
        json.beginObject()
                .field("id", rule.id())
                .field("name", camelCase(rule.title()))
                .name("shortDescription").beginObject().field("text", rule.title()).endObject()
                .name("fullDescription").beginObject().field("text", help).endObject()
                .name("help").beginObject().field("text", help).endObject()
                .name("defaultConfiguration").beginObject()
                .field("level", level(rule.severity()))
                .field("enabled", policy.enabled(rule))
                .endObject();
        if (rule.destructive()) {
            json.name("properties").beginObject().name("tags").beginArray().value("destructive")
                    .value(rule.risk().label()).endArray().endObject();
        }
        json.endObject();
    }

    private static void result(JsonWriter json, Finding finding, int ruleIndex, CheckReport report) {
        json.beginObject().field("ruleId", finding.rule().id());
        if (ruleIndex >= 0) {
            json.field("ruleIndex", ruleIndex);
        }
        json.field("level", level(report.policy().blocks(finding) ? Severity.ERROR : Severity.WARNING));
        json.name("message").beginObject().field("text", finding.message()).endObject();
        if (finding.file() != null) {
            int line = finding.markedLine() > 0 ? finding.markedLine() : finding.line();
            json.name("locations").beginArray().beginObject().name("physicalLocation").beginObject();
            json.name("artifactLocation").beginObject()
                    .field("uri", relativeUri(report.migrationPath(finding.file())))
                    .field("uriBaseId", SRCROOT)
                    .endObject();
            if (line > 0) {
                json.name("region").beginObject().field("startLine", line).endObject();
            }
            json.endObject().endObject().endArray();
        } else if (finding.table() != null) {
            json.name("locations").beginArray().beginObject().name("logicalLocations").beginArray().beginObject()
                    .field("name", finding.table()).field("kind", "table")
                    .endObject().endArray().endObject().endArray();
        }
        if (finding.waived()) {
            json.name("suppressions").beginArray().beginObject()
                    .field("kind", "inSource")
                    .field("justification", finding.waiver().reason())
                    .endObject().endArray();
        }
        json.endObject();
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }

    /** "DROP COLUMN deletes data" → "DropColumnDeletesData": SARIF wants a name without spaces. */
    static String camelCase(String title) {
        StringBuilder name = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.toString();
    }

    /** A relative URI reference for {@code path}: spaces, {@code %} and non-ASCII characters percent-encoded. */
    static String relativeUri(String path) {
        // A colon in the first segment would read as a scheme ("c:/x" is not relative): "./" keeps it a path.
        String safe = path.contains(":") && (path.indexOf('/') < 0 || path.indexOf(':') < path.indexOf('/'))
                ? "./" + path : path;
        try {
            return new URI(null, null, safe, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a path: " + path, e);
        }
    }

    /** SARIF requires a uriBaseId's URI to end with a slash; {@link Path#toUri()} adds one only if the directory exists. */
    private static String directoryUri(Path directory) {
        String uri = directory.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
