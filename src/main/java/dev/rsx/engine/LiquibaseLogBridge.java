package dev.rsx.engine;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;

/**
 * Sends Liquibase's log to the engine log. Liquibase narrates every step at INFO and logs a failed changeset at
 * SEVERE; the engine prints its own summary and turns every failure into one explained error, so both become debug
 * output (visible with {@code mvn -X}) and only Liquibase's warnings reach the user directly.
 */
final class LiquibaseLogBridge extends AbstractLogService {

    private final EngineLog log;

    LiquibaseLogBridge(EngineLog log) {
        this.log = log;
    }

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        return new AbstractLogger() {
            @Override
            public void log(Level level, String message, Throwable e) {
                if (message == null) {
                    return;
                }
                if (level == Level.WARNING) {
                    log.warn(message);
                } else if (log.isDebugEnabled()) {
                    log.debug("[liquibase] " + message);
                }
            }
        };
    }
}
