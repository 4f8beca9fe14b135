package dev.rsx.report;

import dev.rsx.rules.Finding;
import dev.rsx.rules.RuleCatalog;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.Severity;
import dev.rsx.rules.Waiver;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

/**
 * Writes {@code check.json}: the run's summary, steps and findings, and the rule catalog, for scripts and CI
 * dashboards. Its shape is {@code docs/check-report.schema.json}; a change that breaks readers raises
 * {@link #SCHEMA_VERSION}.
 */
public final class JsonCheckReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonCheckReport() {}

    /**
     * Writes the report to {@code target}, creating its directory.
     *
     * @throws dev.rsx.engine.EnvironmentException when the file cannot be written
     */
    public static void write(CheckReport report, Path target) {
        JsonWriter.save(target, render(report), "check report");
    }

    public static String render(CheckReport report) {
        RulePolicy policy = report.policy();
        JsonWriter json = new JsonWriter().beginObject();
        json.field("schemaVersion", SCHEMA_VERSION);
        json.name("tool").beginObject().field("name", SarifReport.TOOL_NAME).field("version", report.toolVersion())
                .endObject();
        json.field("startedAt", DateTimeFormatter.ISO_INSTANT.format(report.startedAt()));
        json.field("durationMs", report.duration().toMillis());
        json.field("migrationsDirectory", report.migrationsDirectory());

        json.name("summary").beginObject()
                .field("errors", report.result().errors(policy))
                .field("warnings", report.result().warnings(policy))
                .field("waived", report.result().waived().size())
                .field("files", report.result().files())
                .field("statements", report.result().statements())
                .field("outcome", report.passed() ? "passed" : "failed")
                .endObject();

        json.name("steps").beginArray();
        for (CheckReport.StepOutcome step : report.steps()) {
            json.beginObject().field("step", step.step()).field("status", step.status().label())
                    .field("detail", step.detail()).endObject();
        }
        json.endArray();

        json.name("findings").beginArray();
        report.result().findings().forEach(f -> finding(json, f, policy));
        json.endArray();

        json.name("rules").beginArray();
        for (RuleDefinition rule : RuleCatalog.all()) {
            json.beginObject().field("id", rule.id()).field("title", rule.title())
                    .field("severity", rule.severity().label())
                    .field("risk", rule.risk() == null ? null : rule.risk().label())
                    .field("enabled", policy.enabled(rule))
                    .endObject();
        }
        json.endArray();
        return json.endObject().toJson();
    }

    private static void finding(JsonWriter json, Finding finding, RulePolicy policy) {
        RuleDefinition rule = finding.rule();
        json.beginObject()
                .field("ruleId", rule.id())
                .field("title", rule.title())
                .field("severity", (policy.blocks(finding) ? Severity.ERROR : Severity.WARNING).label())
                .field("destructive", rule.destructive())
                .field("risk", rule.risk() == null ? null : rule.risk().label())
                .field("file", finding.file())
                .field("line", finding.line())
                .field("markedLine", finding.markedLine())
                .field("table", finding.table())
                .field("message", finding.message())
                .field("remediation", rule.remediation())
                .field("example", rule.example())
                .field("waived", finding.waived());
        // A waiver without a reason counts for nothing, but the reader should still see it to fix it.
        Waiver waiver = finding.waiver();
        json.name("waiver");
        if (waiver == null) {
            json.nullValue();
        } else {
            json.beginObject().field("comment", comment(waiver)).field("reason", waiver.hasReason() ? waiver.reason() : null)
                    .field("line", waiver.line()).endObject();
        }
        json.endObject();
    }

    private static String comment(Waiver waiver) {
        return waiver.hasReason() ? waiver.comment()
                : waiver.ruleId() == null ? "rsx:allow-destructive" : "rsx:allow " + waiver.ruleId();
    }
}
