package dev.rsx.rules;

/**
 * What a rule is, independent of where it fires: the stable id users disable it or waive it by, its title, and
 * the remediation and example every finding prints.
 *
 * @param id {@code RSXnnn}; never reused for another rule
 * @param risk for destructive-change rules, their seed-002 class; null for every other rule. Destructive findings
 *     are warnings in development mode and need an acknowledgement in debug and production mode.
 */
public record RuleDefinition(String id, Severity severity, Risk risk, String title, String remediation, String example) {

    public static RuleDefinition error(String id, String title, String remediation, String example) {
        return new RuleDefinition(id, Severity.ERROR, null, title, remediation, example);
    }

    public static RuleDefinition warning(String id, String title, String remediation, String example) {
        return new RuleDefinition(id, Severity.WARNING, null, title, remediation, example);
    }

    public static RuleDefinition destructive(String id, Risk risk, String title, String remediation, String example) {
        return new RuleDefinition(id, Severity.WARNING, risk, title, remediation, example);
    }

    public boolean destructive() {
        return risk != null;
    }
}
