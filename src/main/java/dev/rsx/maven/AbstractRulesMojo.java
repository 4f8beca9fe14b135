package dev.rsx.maven;

import java.util.HashSet;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** Goals that apply the rules to migrations: {@code migrate} and {@code check}. */
public abstract class AbstractRulesMojo extends AbstractNormalizingMojo {

    /**
     * Ids of rules that do not run, e.g. {@code RSX601}; comma-separated on the command line. Prefer a waiver comment
     * {@code -- rsx:allow RSXnnn <reason>} on the one statement concerned.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.disabledRules")
    protected List<String> disabledRules = List.of();

    protected HashSet<String> disabledRuleIds() {
        return new HashSet<>(disabledRules);
    }
}
