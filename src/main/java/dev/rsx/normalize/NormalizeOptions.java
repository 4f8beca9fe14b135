package dev.rsx.normalize;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to normalize.
 *
 * @param collation the utf8mb4 collation given to tables and text columns that are not utf8mb4 yet
 * @param exemptTables tables never touched (the tracking tables always are)
 * @param tenantTables patterns (regular expressions, whole name) of tenant-scoped tables, which get {@code site_id}
 * @param versionedTables patterns of versioned tables, which get {@code version}
 * @param dryRun print the statements instead of running them
 */
public record NormalizeOptions(String collation, Set<String> exemptTables, List<Pattern> tenantTables,
        List<Pattern> versionedTables, boolean dryRun) {

    public static final String DEFAULT_COLLATION = "utf8mb4_unicode_ci";

    public NormalizeOptions {
        collation = collation == null || collation.isBlank() ? DEFAULT_COLLATION : collation;
        if (!collation.startsWith("utf8mb4_")) {
            throw new dev.rsx.engine.ProjectException("rsx.normalize.collation must be a utf8mb4 collation (e.g. "
                    + DEFAULT_COLLATION + "), not " + collation + ".");
        }
        exemptTables = exemptTables.stream().map(String::toLowerCase).collect(java.util.stream.Collectors.toUnmodifiableSet());
        tenantTables = List.copyOf(tenantTables);
        versionedTables = List.copyOf(versionedTables);
    }

    public static NormalizeOptions defaults() {
        return new NormalizeOptions(DEFAULT_COLLATION, Set.of(), List.of(), List.of(), false);
    }

    public NormalizeOptions withDryRun(boolean dryRun) {
        return new NormalizeOptions(collation, exemptTables, tenantTables, versionedTables, dryRun);
    }
}
