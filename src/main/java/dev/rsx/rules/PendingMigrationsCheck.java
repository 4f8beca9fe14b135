package dev.rsx.rules;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.LiquibaseScope;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationChangeSet;
import dev.rsx.engine.MigrationFile;
import dev.rsx.engine.StatusReport;
import dev.rsx.schema.SchemaInventory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules {@code rsx:migrate} applies before it runs anything: the static rules on every pending migration,
 * starting from the database's schema, and the version order against what the database applied. The verdicts go to
 * the pending changesets as their refusals ({@link MigrationChangeSet#refuse}).
 */
public final class PendingMigrationsCheck {

    /**
     * What the check found, and what the live check after the run needs.
     *
     * @param tablesBefore the base tables before the run, so the tables it creates can be told apart
     * @param touchedTables tables the pending statements change, by name, lower case
     */
    public record Outcome(CheckResult result, Set<String> tablesBefore, Set<String> touchedTables) {}

    private PendingMigrationsCheck() {}

    /**
     * @param schemaBefore the database's schema before the run: where the rules start
     */
    public static Outcome run(SchemaInventory schemaBefore, MigrationChangeLog changeLog, StatusReport status,
            RulePolicy policy, CheckCache cache, EngineLog log) {
        List<MigrationChangeSet> pending = changeLog.pendingChangeSets(status);
        KnownSchema schema = KnownSchema.of(schemaBefore);
        Set<String> before = schema.tableKeys();
        String key = cache.key(policy, schema, changeLog, pending);
        Optional<CheckResult> remembered = cache.find(key);
        remembered.ifPresent(r -> log.info("Rules: these " + r.files() + " pending migration" + (r.files() == 1 ? "" : "s")
                + " passed the same check before (same files, same starting schema, same rules); not parsed again."));
        CheckResult result = remembered.orElseGet(() -> {
            CheckResult checked = LiquibaseScope.run(log, () -> new StaticCheck(policy).run(changeLog, pending, schema));
            cache.remember(key, checked);
            return checked;
        });
        result = result.plus(CheckResult.of(outOfOrder(pending, status, policy)));
        refuseBlocked(pending, result, policy);
        return new Outcome(result, before, result.touchedTables());
    }

    /**
     * Gives every pending changeset the verdict on its file, which the engine enforces when it gets there: a run that
     * skipped the check, or did not stop at its findings, still cannot execute a blocked migration.
     */
    private static void refuseBlocked(List<MigrationChangeSet> pending, CheckResult result, RulePolicy policy) {
        for (MigrationChangeSet changeSet : pending) {
            List<Finding> blocking = result.blocking(policy).stream()
                    .filter(f -> changeSet.filePath().equals(f.file())).toList();
            changeSet.refuse(blocking.isEmpty() ? null : changeSet.filePath() + " breaks " + blocking.size() + " rule"
                    + (blocking.size() == 1 ? "" : "s") + ": " + String.join(", ",
                            blocking.stream().map(f -> f.rule().id() + " at " + f.location()).toList()));
        }
    }

    private static List<Finding> outOfOrder(List<MigrationChangeSet> pending, StatusReport status, RulePolicy policy) {
        if (status.currentVersion() == null) {
            return List.of();
        }
        BigInteger newest = new BigInteger(status.currentVersion());
        Findings findings = new Findings(policy);
        Set<MigrationFile> files = new LinkedHashSet<>();
        pending.forEach(cs -> files.add(cs.file()));
        for (MigrationFile file : files) {
            if (file.order().compareTo(newest) < 0) {
                findings.add(RuleCatalog.OUT_OF_ORDER, file.fileName(), 0, null, file.fileName() + " is pending, but the"
                        + " database already applied the newer version " + status.currentVersion() + ".");
            }
        }
        return new ArrayList<>(findings.all());
    }
}
