package dev.rsx.rules.checks;

import dev.rsx.engine.MigrationFile;
import dev.rsx.rules.Findings;
import dev.rsx.rules.MigrationFileRule;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;
import java.util.List;
import java.util.Set;

/**
 * {@code SET FOREIGN_KEY_CHECKS=0} must be undone in the same migration: the setting lives as long as the
 * connection, so every later migration of the run, and normalization, would run without foreign-key checks.
 */
public final class ForeignKeyChecksRule implements MigrationFileRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.error("RSX308",
            "SET FOREIGN_KEY_CHECKS=0 is restored in the same migration",
            "Set FOREIGN_KEY_CHECKS back to 1 after the statements that need it, in the same migration file.",
            "SET FOREIGN_KEY_CHECKS = 0;\nALTER TABLE orders MODIFY customer_id BIGINT NOT NULL;\nSET FOREIGN_KEY_CHECKS = 1;");

    private static final Set<String> NAMES = Set.of("FOREIGN_KEY_CHECKS", "@@FOREIGN_KEY_CHECKS");
    private static final Set<String> SCOPES = Set.of("SESSION", "LOCAL", "@@SESSION", "@@LOCAL");
    private static final Set<String> OFF = Set.of("0", "OFF", "FALSE", "'0'", "'OFF'");

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

    /**
     * True or false for a statement that sets the variable, null for any other statement. Only assignment targets
     * count ({@code FOREIGN_KEY_CHECKS}, {@code @@foreign_key_checks}, {@code SESSION}/{@code @@SESSION.} forms),
     * so mysqldump's {@code SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0} reads as
     * turning the checks off, and {@code SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS} as restoring them.
     */
    private static Boolean setsForeignKeyChecks(MigrationStatement statement) {
        if (!statement.startsWith("SET")) {
            return null;
        }
        List<SqlToken> tokens = statement.tokens();
        Boolean enabled = null;
        int depth = 0;
        boolean target = true;
        for (int i = 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() == SqlToken.Kind.SYMBOL) {
                depth += token.text().equals("(") ? 1 : token.text().equals(")") ? -1 : 0;
                target = target || (depth == 0 && token.text().equals(","));
                continue;
            }
            if (!target || SCOPES.contains(token.upper())) {
                continue;
            }
            target = false;
            if (NAMES.contains(token.upper())) {
                int value = i + 1;
                while (value < tokens.size() && tokens.get(value).kind() == SqlToken.Kind.SYMBOL) {
                    value++;
                }
                if (value < tokens.size()) {
                    enabled = !OFF.contains(tokens.get(value).name().toUpperCase());
                }
            }
        }
        return enabled;
    }
}
