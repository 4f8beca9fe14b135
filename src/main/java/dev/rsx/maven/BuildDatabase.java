package dev.rsx.maven;

import dev.rsx.server.ThrowawayDatabase;
import java.util.Map;
import java.util.Optional;

/**
 * The test database {@code rsx:start} started, kept in the plugin context Maven shares between this plugin's goals
 * for one project in one build, so {@code rsx:migrate}, {@code rsx:fixtures} and {@code rsx:stop} find it.
 */
final class BuildDatabase {

    private static final String STARTED = "dev.rsx.startedDatabase";
    private static final String START_SKIPPED = "dev.rsx.startSkipped";

    private BuildDatabase() {}

    @SuppressWarnings("rawtypes")
    static Optional<ThrowawayDatabase> started(Map context) {
        return context != null && context.get(STARTED) instanceof ThrowawayDatabase database
                ? Optional.of(database) : Optional.empty();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void remember(Map context, ThrowawayDatabase database) {
        context.put(STARTED, database);
    }

    @SuppressWarnings("rawtypes")
    static void forget(Map context) {
        context.remove(STARTED);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void rememberSkippedStart(Map context) {
        context.put(START_SKIPPED, Boolean.TRUE);
    }

    @SuppressWarnings("rawtypes")
    static boolean startSkipped(Map context) {
        return context != null && Boolean.TRUE.equals(context.get(START_SKIPPED));
    }
}
