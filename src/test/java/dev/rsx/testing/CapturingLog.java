package dev.rsx.testing;

import dev.rsx.engine.EngineLog;
import java.util.ArrayList;
import java.util.List;

/** An engine log that keeps every line, prefixed with its level, for assertions. */
public final class CapturingLog implements EngineLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void debug(String message) {}

    @Override
    public synchronized void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public synchronized void error(String message) {
        lines.add("ERROR " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }
}
