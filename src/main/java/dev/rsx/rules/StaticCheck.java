package dev.rsx.rules;

import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationChangeSet;
import dev.rsx.engine.MigrationFile;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.StatementReader;
import dev.rsx.sql.WrittenTables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the rules over migrations without a database: every statement in order, each rule seeing the schema as the
 * statements before it left it. A rule that fails on a statement it did not expect becomes a finding on that
 * statement, not a crash of the run.
 */
public final class StaticCheck {

    private final RulePolicy policy;
    private final List<StatementRule> statementRules;
    private final List<MigrationFileRule> fileRules;
    private final StatementReader reader = new StatementReader();

    public StaticCheck(RulePolicy policy) {
        this(policy, RuleCatalog.statementRules(), RuleCatalog.fileRules());
    }

    private StaticCheck(RulePolicy policy, List<StatementRule> statementRules, List<MigrationFileRule> fileRules) {
        this.policy = policy;
        this.statementRules = statementRules;
        this.fileRules = fileRules;
    }

    /**
     * The check for test fixtures: the forbidden-statement rules and RSX309. Nothing checks fixtures on a live schema
     * afterwards, so a statement the parser cannot read is not reported (RSX901): it simply runs.
     */
    public static StaticCheck forFixtures() {
        return new StaticCheck(new RulePolicy(Set.of(RuleCatalog.NOT_STATICALLY_CHECKED.id()), false, false),
                RuleCatalog.fixtureStatementRules(), RuleCatalog.fixtureFileRules());
    }

    public RulePolicy policy() {
        return policy;
    }

    /**
     * Checks {@code changeSets} of {@code changeLog}, starting from {@code schema} (which it moves forward). Must run
     * inside the Liquibase scope, which splits the statements.
     */
    public CheckResult run(MigrationChangeLog changeLog, List<MigrationChangeSet> changeSets, KnownSchema schema) {
        Findings findings = new Findings(policy);
        List<MigrationStatement> notChecked = new ArrayList<>();
        Map<MigrationFile, List<MigrationChangeSet>> byFile = new LinkedHashMap<>();
        for (MigrationChangeSet changeSet : changeSets) {
            byFile.computeIfAbsent(changeSet.file(), f -> new ArrayList<>()).add(changeSet);
        }
        int statementCount = 0;
        Set<String> touched = new HashSet<>();
        List<WrittenTables> written = new ArrayList<>();
        Map<MigrationChangeSet, List<MigrationStatement>> read = reader.read(changeLog, changeSets);
        for (Map.Entry<MigrationFile, List<MigrationChangeSet>> entry : byFile.entrySet()) {
            List<MigrationStatement> statements = new ArrayList<>();
            for (MigrationChangeSet changeSet : entry.getValue()) {
                statements.addAll(read.get(changeSet));
            }
            String content = entry.getValue().get(0).source().content();
            findings.waivers(Waivers.of(content, statements));
            for (MigrationStatement statement : statements) {
                int before = findings.size();
                for (StatementRule rule : statementRules) {
                    runSafely(rule.definition(), statement, findings, () -> rule.check(statement, schema, findings));
                }
                if (statement.parsed() == null) {
                    notChecked.add(statement);
                    if (findings.size() == before) {
                        findings.add(RuleCatalog.NOT_STATICALLY_CHECKED, statement, null, null, "Not statically checked:"
                                + " the SQL parser cannot read it (" + statement.parseError() + "). It is checked against"
                                + " the live schema after it runs.");
                    }
                }
                touched.addAll(SchemaFollower.apply(schema, statement));
                written.add(WrittenTables.of(statement));
            }
            for (MigrationFileRule rule : fileRules) {
                rule.check(entry.getKey(), content, statements, findings);
            }
            statementCount += statements.size();
        }
        return new CheckResult(findings.all(), List.copyOf(notChecked), byFile.size(), statementCount, Set.copyOf(touched),
                WrittenTables.union(written));
    }

    private static void runSafely(RuleDefinition rule, MigrationStatement statement, Findings findings, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            findings.add(RuleCatalog.NOT_STATICALLY_CHECKED, statement, null, null, "Rule " + rule.id() + " could not"
                    + " analyse this statement (" + e + "). It is checked against the live schema after it runs.");
        }
    }
}
