package dev.rsx.maven;

import dev.rsx.normalize.NormalizeOptions;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that normalize the schema: {@code rsx:normalize}, and {@code rsx:migrate} after every run. */
public abstract class AbstractNormalizingMojo extends AbstractSnapshotMojo {

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
}
