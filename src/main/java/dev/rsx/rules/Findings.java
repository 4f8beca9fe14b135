package dev.rsx.rules;

import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * Where rules put what they find. It leaves out disabled rules and attaches the waiver comments of the statement,
 * so a rule only says what is wrong and where.
 */
public final class Findings {

    private final RulePolicy policy;
    private final List<Finding> found = new ArrayList<>();
    private Waivers waivers = Waivers.NONE;

    public Findings(RulePolicy policy) {
        this.policy = policy;
    }

    void waivers(Waivers waivers) {
        this.waivers = waivers;
    }

    /** A finding on a statement, marking the line of {@code at} (or the statement's first line). */
    public void add(RuleDefinition rule, MigrationStatement statement, SqlToken at, String table, String message) {
        if (!policy.enabled(rule)) {
            return;
        }
        int marked = at == null ? statement.line() : statement.lineOf(at);
        Waiver waiver = waivers.of(statement).stream().filter(w -> w.covers(rule)).findFirst().orElse(null);
        found.add(new Finding(rule, statement.file().fileName(), statement.line(), marked, table, message,
                statement.sql(), waiver));
    }

    /** A finding that is not about one statement: a file, a line of a file, or the live schema. */
    public void add(RuleDefinition rule, String file, int line, String table, String message) {
        if (policy.enabled(rule)) {
            found.add(new Finding(rule, file, line, line, table, message, null, null));
        }
    }

    int size() {
        return found.size();
    }

    public List<Finding> all() {
        return List.copyOf(found);
    }
}
