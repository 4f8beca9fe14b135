package dev.rsx.rules.checks;

import dev.rsx.engine.MigrationFile;
import dev.rsx.rules.Findings;
import dev.rsx.rules.MigrationFileRule;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;
import java.util.List;

/**
 * {@code SET FOREIGN_KEY_CHECKS=0} must be undone in the same migration: the setting lives as long as the
 * connection, so every later migration of the run, and normalization, would run without foreign-key checks.
 */
public final class ForeignKeyChecksRule implements MigrationFileRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX308",
            "SET FOREIGN_KEY_CHECKS=0 is restored in the same migration",
            "Set FOREIGN_KEY_CHECKS back to 1 after the statements that need it, in the same migration file.",
            "SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE orders MODIFY customer_id BIGINT NOT NULL;\nSET FOREIGN_KEY_CHECKS = 1;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationFile file, String content, List<MigrationStatement> statements, Findings findings) {
        MigrationStatement disabling = null;
        for (MigrationStatement statement : statements) {
            Boolean enabled = setsForeignKeyChecks(statement);
            if (enabled != null) {
                disabling = enabled ? null : statement;
            }
        }
        if (disabling != null) {
            findings.add(DEFINITION, disabling, null, null, "FOREIGN_KEY_CHECKS is turned off here and not turned back"
                    + " on later in " + file.fileName() + ".");
        }
    }

    /** True or false for a statement that sets the variable, null for any other statement. */
    private static Boolean setsForeignKeyChecks(MigrationStatement statement) {
        if (!statement.startsWith("SET")) {
            return null;
        }
        List<SqlToken> tokens = statement.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            String name = tokens.get(i).upper();
            if (name.equals("FOREIGN_KEY_CHECKS") || name.endsWith(".FOREIGN_KEY_CHECKS")) {
                int value = i + 1;
                while (value < tokens.size() && tokens.get(value).kind() == SqlToken.Kind.SYMBOL) {
                    value++;
                }
                if (value < tokens.size()) {
                    String v = tokens.get(value).name().toUpperCase();
                    return !(v.equals("0") || v.equals("OFF") || v.equals("FALSE"));
                }
            }
        }
        return null;
    }
}
