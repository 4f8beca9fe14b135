package dev.rsx.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates the plugin's JSON reports against the JSON Schemas published in docs/ (draft 2020-12, formats checked). */
public final class JsonReports {

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonReports() {}

    /** What is wrong with {@code json} according to the schema file {@code schemaPath}; empty when it is valid. */
    public static List<String> violations(String schemaPath, String json) {
        return SCHEMAS.computeIfAbsent(schemaPath, JsonReports::load).validate(json, InputFormat.JSON).stream()
                .map(Error::toString).toList();
    }

    public static void assertValid(String schemaPath, String json) {
        assertEquals(List.of(), violations(schemaPath, json), json);
    }

    private static Schema load(String schemaPath) {
        try {
            String text = Files.readString(Path.of(schemaPath));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            return registry.getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
