package dev.rsx.workflow;

import dev.rsx.engine.ProjectException;
import java.util.Locale;

/**
 * How {@code rsx:migrate} runs (seed 000): development takes a snapshot first and restores it when a migration fails;
 * debug and production run migrations directly. Normalization runs in every mode.
 */
public enum Mode {
    DEVELOPMENT,
    DEBUG,
    PRODUCTION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Mode parse(String value, String source) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProjectException(source + " is '" + value.strip() + "'; use development, debug or production.");
        }
    }
}
