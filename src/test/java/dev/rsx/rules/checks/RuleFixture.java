package dev.rsx.rules.checks;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.LiquibaseScope;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.rules.Finding;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.StaticCheck;
import dev.rsx.testing.MigrationsDir;
import java.util.List;

/** Runs the static check on migrations written from strings, as the rule tests need it. */
final class RuleFixture {

    private RuleFixture() {}

    /** The findings of {@code namesAndSql} (file name, SQL, file name, SQL, …) under development defaults. */
    static List<Finding> check(String... namesAndSql) {
        return check(RulePolicy.development(), namesAndSql);
    }

    static List<Finding> check(RulePolicy policy, String... namesAndSql) {
        MigrationsDir dir = MigrationsDir.create("rule");
        for (int i = 0; i < namesAndSql.length; i += 2) {
            dir.writeUnrecorded(namesAndSql[i], namesAndSql[i + 1]);
        }
        MigrationChangeLog changeLog = dir.load();
        return LiquibaseScope.run(EngineLog.silent(), () -> new StaticCheck(policy)
                .run(changeLog, changeLog.changeSets(), KnownSchema.empty()).findings());
    }

    /** {@code RSXnnn file:line}, with {@code (waived)} for a waived finding: what a test compares. */
    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id() + " " + f.file() + ":" + f.markedLine() + (f.waived() ? " (waived)" : ""))
                .toList();
    }

    /** The one finding of {@code rule} in {@code findings}. */
    static Finding only(String rule, List<Finding> findings) {
        List<Finding> of = findings.stream().filter(f -> f.rule().id().equals(rule)).toList();
        if (of.size() != 1) {
            throw new AssertionError("expected one " + rule + " finding, got " + ids(findings));
        }
        return of.get(0);
    }

    static final String USERS = "CREATE TABLE users (\n    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
            + "    email VARCHAR(255) NOT NULL,\n    note VARCHAR(255) NULL\n);\n";
}
