package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import org.apache.maven.plugin.logging.Log;

/** The engine's log written to Maven's, so output has Maven's levels and honours -q and -X. */
final class MavenEngineLog implements EngineLog {

    private final Log log;

    MavenEngineLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
