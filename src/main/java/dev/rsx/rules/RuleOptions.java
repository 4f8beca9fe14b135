package dev.rsx.rules;

import dev.rsx.engine.ProjectException;
import java.util.List;
import java.util.Set;

/**
 * The rule settings a user configures.
 *
 * @param disabledRules {@code <disabledRules>}: ids of rules that do not run
 * @param allowDestructive {@code rsx.allowDestructive}: acknowledges every destructive change of a run
 */
public record RuleOptions(Set<String> disabledRules, boolean allowDestructive) {

    /**
     * @throws ProjectException when a disabled id names no rule: a typo would otherwise leave the rule running
     */
    public RuleOptions {
        // Only when there is something to check: the catalog builds every rule, and a run with nothing pending needs none.
        List<String> unknown = disabledRules.isEmpty() ? List.of() : RuleCatalog.unknown(disabledRules.stream());
        if (!unknown.isEmpty()) {
            throw new ProjectException("<disabledRules> names no rule " + String.join(", ", unknown) + ". Rule ids are"
                    + " RSX followed by three digits; docs/rules.md lists them all.");
        }
        disabledRules = Set.copyOf(disabledRules);
    }

    public static RuleOptions defaults() {
        return new RuleOptions(Set.of(), false);
    }

    /** The policy of a run; destructive changes need an acknowledgement outside development mode. */
    public RulePolicy policy(boolean development) {
        return new RulePolicy(disabledRules, !development, allowDestructive);
    }
}
