package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;
import java.util.List;
import java.util.function.Predicate;

/**
 * A kind of statement a migration must not contain, recognised by its leading keywords, so that it is refused
 * even when the SQL parser cannot read it. Each kind is its own rule with its own remediation.
 */
public final class ForbiddenStatementRule implements StatementRule {

    private final RuleDefinition definition;
    private final Predicate<MigrationStatement> matches;
    private final String what;

    private ForbiddenStatementRule(RuleDefinition definition, String what, Predicate<MigrationStatement> matches) {
        this.definition = definition;
        this.what = what;
        this.matches = matches;
    }

    public static ForbiddenStatementRule databases() {
        return new ForbiddenStatementRule(RuleDefinition.error("RSX301", "No CREATE, ALTER or DROP DATABASE",
                "A migration changes the schema it runs in; which database that is comes from the plugin's"
                        + " configuration (rsx.url, rsx.database), so the same files migrate development, CI and"
                        + " production. Remove the statement.",
                "-- configure the database instead:\nmvn rsx:migrate -Drsx.url=jdbc:mysql://db:3306/shop"),
                "creates, alters or drops a whole database",
                s -> startsWithAny(s, List.of("CREATE", "DATABASE"), List.of("CREATE", "SCHEMA"), List.of("DROP", "DATABASE"),
                        List.of("DROP", "SCHEMA"), List.of("ALTER", "DATABASE"), List.of("ALTER", "SCHEMA"),
                        List.of("CREATE", "OR", "REPLACE", "DATABASE"), List.of("CREATE", "OR", "REPLACE", "SCHEMA")));
    }

    public static ForbiddenStatementRule use() {
        return new ForbiddenStatementRule(RuleDefinition.error("RSX302", "No USE statements",
                "USE switches the connection to another database for the rest of the run, so later migrations and the"
                        + " tracking table would disagree about where they ran. Remove it and write unqualified table names.",
                "CREATE TABLE orders (\n    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY\n);"),
                "switches the connection to another database", s -> s.startsWith("USE"));
    }

    public static ForbiddenStatementRule accounts() {
        return new ForbiddenStatementRule(RuleDefinition.error("RSX303", "No user or privilege management",
                "Accounts and privileges differ between environments and belong to whoever runs the server"
                        + " (provisioning, a DBA), not to schema history. Remove the statement and grant what the"
                        + " application needs outside the migrations.",
                "-- run once per environment, outside migrations:\nGRANT SELECT, INSERT, UPDATE, DELETE ON shop.* TO 'app'@'%';"),
                "manages users or privileges",
                s -> startsWithAny(s, List.of("GRANT"), List.of("REVOKE"), List.of("CREATE", "USER"), List.of("DROP", "USER"),
                        List.of("ALTER", "USER"), List.of("RENAME", "USER"), List.of("SET", "PASSWORD"),
                        List.of("CREATE", "ROLE"), List.of("DROP", "ROLE"), List.of("SET", "DEFAULT", "ROLE"),
                        List.of("CREATE", "OR", "REPLACE", "USER")));
    }

    public static ForbiddenStatementRule delimiter() {
        return new ForbiddenStatementRule(RuleDefinition.error("RSX305", "No DELIMITER lines",
                "DELIMITER is a command of the mysql client, not SQL: the server rejects it. For a trigger, procedure"
                        + " or event, use a formatted SQL changeset with its own end delimiter.",
                "--liquibase formatted sql\n--changeset rsx:1 endDelimiter://\nCREATE TRIGGER orders_touch BEFORE UPDATE ON orders\nFOR EACH ROW BEGIN\n    SET NEW.updated_at = NOW(3);\nEND//"),
                "uses the mysql client's DELIMITER command", s -> s.startsWith("DELIMITER"));
    }

    public static ForbiddenStatementRule lockTables() {
        return new ForbiddenStatementRule(RuleDefinition.error("RSX306", "No LOCK TABLES",
                "LOCK TABLES holds locks across statements of a migration run and blocks the tracking-table writes;"
                        + " ALTER TABLE takes the metadata locks it needs itself. Remove LOCK/UNLOCK TABLES; for a"
                        + " large table choose the algorithm and lock level of the ALTER instead.",
                "ALTER TABLE orders ADD COLUMN note VARCHAR(255) NULL, ALGORITHM=INPLACE, LOCK=NONE;"),
                "locks tables across statements",
                s -> startsWithAny(s, List.of("LOCK", "TABLES"), List.of("LOCK", "TABLE"), List.of("UNLOCK", "TABLES"),
                        List.of("UNLOCK", "TABLE")));
    }

    public static ForbiddenStatementRule globalVariables() {
        return new ForbiddenStatementRule(RuleDefinition.error("RSX307", "No SET GLOBAL or SET PERSIST",
                "A global variable changes the whole server, for every application on it, and outlives the"
                        + " migration. Configure the server instead, or use a session variable for this migration.",
                "SET SESSION sql_mode = 'STRICT_ALL_TABLES';"),
                "changes a server-wide variable",
                s -> s.startsWith("SET") && s.tokens().stream().anyMatch(ForbiddenStatementRule::isGlobalScope));
    }

    private static boolean isGlobalScope(SqlToken token) {
        return token.is("GLOBAL") || token.is("PERSIST") || token.is("PERSIST_ONLY")
                || token.upper().startsWith("@@GLOBAL") || token.upper().startsWith("@@PERSIST");
    }

    @SafeVarargs
    private static boolean startsWithAny(MigrationStatement statement, List<String>... prefixes) {
        for (List<String> prefix : prefixes) {
            if (statement.startsWith(prefix.toArray(String[]::new))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        if (matches.test(statement)) {
            findings.add(definition, statement, null, null, "The statement " + what + ": " + statement.tokens().get(0).upper()
                    + " is not allowed in a migration.");
        }
    }
}
