package dev.rsx.rules;

/** How a finding counts: an error stops the run; a warning is reported and, unless configured otherwise, does not. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
