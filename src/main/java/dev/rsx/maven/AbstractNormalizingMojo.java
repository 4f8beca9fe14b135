package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.normalize.NormalizationResult;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.normalize.SchemaNormalizer;
import dev.rsx.normalize.TableChanges;
import dev.rsx.db.ConnectionSettings;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that normalize the schema: {@code rsx:normalize}, and {@code rsx:migrate} after every run. */
public abstract class AbstractNormalizingMojo extends AbstractDatabaseMojo {

    /**
     * utf8mb4 collation given to tables and text columns that are not utf8mb4 yet.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.normalize.collation", defaultValue = NormalizeOptions.DEFAULT_COLLATION)
    protected String normalizeCollation;

    /**
     * Tables normalization never touches (the tracking tables never are). Comma-separated on the command line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.normalize.exemptTables")
    protected List<String> exemptTables = List.of();

    /**
     * Regular expressions (whole table name) of tenant-scoped tables, which get {@code site_id BIGINT} and its index.
     * A table comment containing {@code rsx:site} does the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.normalize.tenantTables")
    protected List<String> tenantTables = List.of();

    /**
     * Regular expressions (whole table name) of versioned tables, which get {@code version BIGINT NOT NULL DEFAULT 1}
     * and an {@code (id, version)} index. A table comment containing {@code rsx:versioned} does the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.normalize.versionedTables")
    protected List<String> versionedTables = List.of();

    /**
     * Prints the normalization statements instead of running them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.normalize.dryRun", defaultValue = "false")
    protected boolean normalizeDryRun;

    protected NormalizeOptions normalizeOptions() {
        return new NormalizeOptions(normalizeCollation, new HashSet<>(exemptTables),
                tenantTables.stream().map(Pattern::compile).toList(),
                versionedTables.stream().map(Pattern::compile).toList(), normalizeDryRun);
    }

    /** Normalizes and reports every change per table. */
    protected NormalizationResult normalize(ConnectionSettings database, EngineLog log) {
        NormalizationResult result = new SchemaNormalizer(log).normalize(database, normalizeOptions());
        if (result.dryRun()) {
            log.info("Dry run: normalization would run " + result.statements().size() + " statement"
                    + (result.statements().size() == 1 ? "" : "s") + (result.statements().isEmpty() ? "." : ":"));
            result.statements().forEach(statement -> log.info("  " + statement + ";"));
            return result;
        }
        if (result.changedNothing()) {
            log.info("Schema is normalized: 0 changes.");
            return result;
        }
        for (TableChanges table : result.tables()) {
            log.info("  normalized " + table.table() + ": " + String.join("; ", table.descriptions()));
        }
        log.info(String.format("Normalized %d table%s with %d ALTER TABLE statement%s in %.1f s.", result.tables().size(),
                result.tables().size() == 1 ? "" : "s", result.alterStatements(), result.alterStatements() == 1 ? "" : "s",
                result.elapsed().toMillis() / 1000.0));
        return result;
    }
}
