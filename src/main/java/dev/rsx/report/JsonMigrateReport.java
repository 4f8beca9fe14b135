package dev.rsx.report;

import dev.rsx.report.MigrateReport.Migration;
import dev.rsx.report.MigrateReport.RowCount;
import dev.rsx.report.MigrateReport.Rule;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The migration report as JSON, for machines: the same content as the Markdown. Its shape is
 * {@code docs/migrate-report.schema.json}; a change that breaks readers raises {@link #SCHEMA_VERSION}.
 */
public final class JsonMigrateReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonMigrateReport() {}

    public static String render(MigrateReport report) {
        JsonWriter json = new JsonWriter().beginObject();
        json.field("schemaVersion", SCHEMA_VERSION);
        json.field("startedAt", DateTimeFormatter.ISO_INSTANT.format(report.startedAt()));
        json.field("durationMs", report.duration().toMillis());
        json.field("database", report.database());
        json.field("mode", report.mode());
        json.field("outcome", report.outcome().label());
        json.field("failure", report.failure());

        json.name("snapshot");
        MigrateReport.SnapshotUse snapshot = report.snapshot();
        if (snapshot == null) {
            json.nullValue();
        } else {
            json.beginObject().field("name", snapshot.name()).field("strategy", snapshot.strategy())
                    .field("sizeBytes", snapshot.sizeBytes());
            millis(json, "takeMs", snapshot.takeTime());
            millis(json, "restoreMs", snapshot.restoreTime());
            json.endObject();
        }

        json.name("migrations").beginArray();
        for (Migration m : report.migrations()) {
            json.beginObject().field("version", m.version()).field("file", m.file()).field("description", m.description())
                    .field("statements", m.statements());
            millis(json, "durationMs", m.duration());
            json.field("outcome", m.state().label());
            if (m.failedLine() != null) {
                json.field("failedLine", m.failedLine()).field("failedStatement", m.failedStatement())
                        .field("serverMessage", m.serverMessage());
            }
            json.endObject();
        }
        json.endArray();

        json.name("schemaChanges");
        SchemaDiff diff = report.schemaChanges();
        if (diff == null) {
            json.nullValue();
        } else {
            json.beginObject();
            strings(json, "tablesAdded", diff.tablesAdded());
            strings(json, "tablesDropped", diff.tablesDropped());
            strings(json, "columnsAdded", diff.columnsAdded());
            strings(json, "columnsModified", diff.columnsModified());
            strings(json, "columnsDropped", diff.columnsDropped());
            json.endObject();
        }
        strings(json, "normalization", report.normalization());

        json.name("dataImpact").beginArray();
        for (RowCount count : report.dataImpact()) {
            json.beginObject().field("table", count.table());
            json.name("rowsBefore");
            if (count.before() == null) {
                json.nullValue();
            } else {
                json.value(count.before());
            }
            json.name("rowsAfter");
            if (count.after() == null) {
                json.nullValue();
            } else {
                json.value(count.after());
            }
            json.endObject();
        }
        json.endArray();

        rules(json, "destructiveChanges", report.destructiveChanges());
        rules(json, "warnings", report.warnings());
        json.field("diagram", report.diagram());
        return json.endObject().toJson();
    }

    private static void millis(JsonWriter json, String name, Duration duration) {
        json.name(name);
        if (duration == null) {
            json.nullValue();
        } else {
            json.value(duration.toMillis());
        }
    }

    private static void strings(JsonWriter json, String name, List<String> values) {
        json.name(name).beginArray();
        values.forEach(json::value);
        json.endArray();
    }

    private static void rules(JsonWriter json, String name, List<Rule> rules) {
        json.name(name).beginArray();
        for (Rule rule : rules) {
            json.beginObject().field("rule", rule.rule()).field("title", rule.title()).field("location", rule.location())
                    .field("message", rule.message()).field("acknowledgement", rule.acknowledgement()).endObject();
        }
        json.endArray();
    }
}
