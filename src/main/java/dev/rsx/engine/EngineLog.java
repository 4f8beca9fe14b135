package dev.rsx.engine;

/**
 * The engine's only way to talk to the user. The Maven layer bridges it to Maven's log, tests capture it;
 * the engine itself never writes to {@code System.out}.
 */
public interface EngineLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);

    boolean isDebugEnabled();

    /** A log that drops everything, for callers that only want the result. */
    static EngineLog silent() {
        return new EngineLog() {
            @Override
            public void debug(String message) {}

            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void error(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
    }
}
