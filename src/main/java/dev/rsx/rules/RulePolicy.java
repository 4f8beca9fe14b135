package dev.rsx.rules;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a run treats findings.
 *
 * @param disabledRules ids of rules that do not run at all
 * @param destructiveNeedsAcknowledgement true in debug and production mode: an unacknowledged destructive change
 *     stops the run before anything executes
 * @param allowDestructive {@code rsx.allowDestructive}: acknowledges every destructive change of the run at once
 */
public record RulePolicy(Set<String> disabledRules, boolean destructiveNeedsAcknowledgement, boolean allowDestructive) {

    public RulePolicy {
        disabledRules = disabledRules.stream().map(id -> id.strip().toUpperCase(Locale.ROOT)).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Development defaults: every rule on, destructive changes reported as warnings. */
    public static RulePolicy development() {
        return new RulePolicy(Set.of(), false, false);
    }

    public boolean enabled(RuleDefinition rule) {
        return !disabledRules.contains(rule.id());
    }

    /** True when {@code finding} stops the run under this policy. */
    public boolean blocks(Finding finding) {
        if (finding.waived()) {
            return false;
        }
        if (finding.rule().destructive()) {
            return destructiveNeedsAcknowledgement && !allowDestructive;
        }
        return finding.rule().severity() == Severity.ERROR;
    }
}
