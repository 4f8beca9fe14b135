package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.normalize.NormalizationReport;
import dev.rsx.normalize.SchemaNormalizer;
import dev.rsx.server.ManagedDatabase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Normalizes the schema: wide integer, text and floating-point types, utf8mb4, millisecond timestamps, audit
 * columns and their indexes; {@code rsx:migrate} does this after every run.
 *
 * @since 0.1.0
 */
@Mojo(name = "normalize", threadSafe = true)
public class NormalizeMojo extends AbstractNormalizingMojo {

    @Override
    protected String goal() {
        return "normalize";
    }

    @Override
    protected void run(EngineLog log) {
        try (ManagedDatabase database = ManagedDatabase.open(target(log), log)) {
            log.info("Database: " + database.description());
            NormalizationReport.log(new SchemaNormalizer(log).normalize(database.connection(), normalizeOptions()), log);
        }
    }
}
