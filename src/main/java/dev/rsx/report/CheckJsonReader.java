package dev.rsx.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the {@code check.json} that {@link JsonCheckReport} writes. The plugin's runtime has no JSON library, so
 * SnakeYAML (Liquibase's) parses it: JSON is YAML, but for the few characters {@link #READ_DIFFERENTLY_BY_YAML}.
 */
public final class CheckJsonReader {

    /**
     * Characters a JSON string may hold raw that YAML reads differently: it refuses DEL, the C1 controls, U+FFFE and
     * U+FFFF, and takes NEL, U+2028 and U+2029 for line breaks. {@link JsonWriter} writes DEL and the C1 controls raw.
     * JSON allows none of them outside strings, so escaping them changes no value.
     */
    private static final Pattern READ_DIFFERENTLY_BY_YAML =
            Pattern.compile("[\\x7F-\\x9F\\u2028\\u2029\\uFFFE\\uFFFF]");
    /** check.json repeats remediation and example for every finding; SnakeYAML stops at 3 MB by default. */
    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    private CheckJsonReader() {}

    /** The check report at {@code file}: its results, or why there are none. Never throws for a bad file. */
    public static LatestCheck read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new LatestCheck.Missing(file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new LatestCheck.Unreadable(file, "it cannot be read (" + e.getMessage() + ")");
        }
        Object document;
        try {
            document = parse(text);
        } catch (YAMLException e) {
            return new LatestCheck.Unreadable(file, "it is not valid JSON (" + problem(e) + ")");
        }
        try {
            return results(new Fields("", document));
        } catch (NotACheckReport e) {
            return new LatestCheck.Unreadable(file, e.getMessage());
        }
    }

    private static Object parse(String json) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        String yaml = READ_DIFFERENTLY_BY_YAML.matcher(json)
                .replaceAll(c -> Matcher.quoteReplacement(String.format("\\u%04x", (int) c.group().charAt(0))));
        return new Yaml(new SafeConstructor(options)).load(yaml);
    }

    /** SnakeYAML's words for what is wrong and where, without the excerpt of the file it adds on further lines. */
    private static String problem(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return marked.getProblem() + " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        }
        return e.getMessage().lines().findFirst().orElse("");
    }

    private static LatestCheck.Results results(Fields json) {
        long schemaVersion = json.number("schemaVersion");
        if (schemaVersion != JsonCheckReport.SCHEMA_VERSION) {
            throw new NotACheckReport("it has schemaVersion " + schemaVersion + " and this plugin reads version "
                    + JsonCheckReport.SCHEMA_VERSION + "; run rsx:check with this plugin version again");
        }
        Fields summary = json.object("summary");
        List<LatestCheck.Step> steps = new ArrayList<>();
        for (Fields step : json.objects("steps")) {
            steps.add(new LatestCheck.Step(step.string("step"), step.string("status"), step.string("detail")));
        }
        List<LatestCheck.RecordedFinding> findings = new ArrayList<>();
        for (Fields finding : json.objects("findings")) {
            long line = finding.number("line");
            long markedLine = finding.number("markedLine");
            findings.add(new LatestCheck.RecordedFinding(finding.string("ruleId"), finding.string("severity"),
                    finding.bool("waived"), finding.stringOrNull("file"), (int) (markedLine > 0 ? markedLine : line),
                    finding.stringOrNull("table"), finding.string("message")));
        }
        return new LatestCheck.Results(json.instant("startedAt"), Duration.ofMillis(json.number("durationMs")),
                json.object("tool").string("version"), summary.string("outcome").equals("passed"),
                summary.number("errors"), summary.number("warnings"), summary.number("waived"), summary.number("files"),
                summary.number("statements"), steps, findings);
    }

    /** The document does not have the shape of docs/check-report.schema.json. */
    private static final class NotACheckReport extends RuntimeException {

        NotACheckReport(String message) {
            super(message);
        }
    }

    /** The members of one JSON object, read with the type the schema gives them; {@code path} names it in errors. */
    private record Fields(String path, Object value) {

        private Object get(String name) {
            if (!(value instanceof Map<?, ?> members)) {
                throw new NotACheckReport((path.isEmpty() ? "it" : "\"" + path + "\"") + " is not a JSON object");
            }
            if (!members.containsKey(name)) {
                throw new NotACheckReport(where(name) + " is missing");
            }
            return members.get(name);
        }

        private String pathOf(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private String where(String name) {
            return "\"" + pathOf(name) + "\"";
        }

        String stringOrNull(String name) {
            Object member = get(name);
            if (member != null && !(member instanceof String)) {
                throw new NotACheckReport(where(name) + " is not a string");
            }
            return (String) member;
        }

        String string(String name) {
            String member = stringOrNull(name);
            if (member == null) {
                throw new NotACheckReport(where(name) + " is null");
            }
            return member;
        }

        long number(String name) {
            if (!(get(name) instanceof Number member) || member instanceof Double) {
                throw new NotACheckReport(where(name) + " is not an integer");
            }
            return member.longValue();
        }

        boolean bool(String name) {
            if (!(get(name) instanceof Boolean member)) {
                throw new NotACheckReport(where(name) + " is not true or false");
            }
            return member;
        }

        Instant instant(String name) {
            try {
                return Instant.parse(string(name));
            } catch (DateTimeParseException e) {
                throw new NotACheckReport(where(name) + " is not an ISO-8601 instant");
            }
        }

        Fields object(String name) {
            return new Fields(pathOf(name), get(name));
        }

        List<Fields> objects(String name) {
            if (!(get(name) instanceof List<?> members)) {
                throw new NotACheckReport(where(name) + " is not an array");
            }
            List<Fields> objects = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                objects.add(new Fields(pathOf(name) + "[" + i + "]", members.get(i)));
            }
            return objects;
        }
    }
}
