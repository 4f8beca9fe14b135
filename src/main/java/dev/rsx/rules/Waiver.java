package dev.rsx.rules;

/**
 * A comment that accepts a finding on purpose: {@code -- rsx:allow RSX502 <reason>} for one rule, or
 * {@code -- rsx:allow-destructive <reason>} for every destructive-change rule, on the statement or on the lines
 * just above it. Without a reason it counts for nothing: the reason is what a reviewer reads.
 *
 * @param ruleId the rule waived, or null for a destructive-change acknowledgement
 * @param line the line of the comment in its file
 */
public record Waiver(String ruleId, String reason, int line) {

    public boolean covers(RuleDefinition rule) {
        return ruleId == null ? rule.destructive() : ruleId.equalsIgnoreCase(rule.id());
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    public String comment() {
        return ruleId == null ? "rsx:allow-destructive " + reason : "rsx:allow " + ruleId + " " + reason;
    }
}
