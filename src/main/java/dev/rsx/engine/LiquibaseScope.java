package dev.rsx.engine;

import java.util.HashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;

/**
 * Runs Liquibase code with the plugin's settings: its log and console output go to the engine log, and its
 * product-usage analytics are off (a migration tool must not phone home, and these machines cannot anyway).
 */
public final class LiquibaseScope {

    /** A piece of work that may throw Liquibase's checked exceptions. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private LiquibaseScope() {}

    public static <T> T run(EngineLog log, Work<T> work) {
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.logService.name(), new LiquibaseLogBridge(log));
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        values.put("liquibase.analytics.enabled", false);
        values.put("liquibase.showBanner", false);
        try {
            return Scope.child(values, work::run);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EnvironmentException("Liquibase failed: " + e.getMessage(), e);
        }
    }
}
