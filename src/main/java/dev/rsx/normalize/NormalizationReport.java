package dev.rsx.normalize;

import dev.rsx.engine.EngineLog;

/** Prints what normalization did per table, or the statements of a dry run. */
public final class NormalizationReport {

    private NormalizationReport() {}

    public static void log(NormalizationResult result, EngineLog log) {
        if (result.dryRun()) {
            log.info("Dry run: normalization would run " + result.statements().size() + " statement"
                    + (result.statements().size() == 1 ? "" : "s") + (result.statements().isEmpty() ? "." : ":"));
            result.statements().forEach(statement -> log.info("  " + statement + ";"));
            return;
        }
        if (result.changedNothing()) {
            log.info("Schema is normalized: 0 changes.");
            return;
        }
        for (TableChanges table : result.tables()) {
            log.info("  normalized " + table.summary());
        }
        log.info(String.format("Normalized %d table%s with %d ALTER TABLE statement%s in %.1f s.", result.tables().size(),
                result.tables().size() == 1 ? "" : "s", result.alterStatements(), result.alterStatements() == 1 ? "" : "s",
                result.elapsed().toMillis() / 1000.0));
    }
}
