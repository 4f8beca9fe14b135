package dev.rsx.report;

import dev.rsx.engine.AppliedChangeSet;
import dev.rsx.engine.MigrationFailedException;
import dev.rsx.normalize.NormalizationResult;
import dev.rsx.normalize.TableChanges;
import dev.rsx.report.MigrateReport.Migration;
import dev.rsx.report.MigrateReport.MigrationOutcome;
import dev.rsx.report.MigrateReport.Outcome;
import dev.rsx.report.MigrateReport.RowCount;
import dev.rsx.report.MigrateReport.Rule;
import dev.rsx.report.MigrateReport.SnapshotUse;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.Finding;
import dev.rsx.rules.RulePolicy;
import dev.rsx.schema.SchemaInventory;
import dev.rsx.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what an {@code rsx:migrate} run does, step by step, as the workflow reports it, and turns it into a
 * {@link MigrateReport} at the end, however the run ended. Used by one run on one thread.
 */
public final class MigrateRecorder {

    /** A changeset the run had pending, before it ran. */
    public record Planned(String version, String fileName, String changeSetId, String label, String description,
            int statements) {}

    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final String database;
    private final String mode;
    private List<Planned> planned = List.of();
    private List<AppliedChangeSet> applied = List.of();
    private MigrationFailedException failedMigration;
    private Snapshot snapshot;
    private Duration snapshotTakeTime;
    private Duration restoreTime;
    private NormalizationResult normalization;
    private final List<Finding> findings = new ArrayList<>();
    private RulePolicy policy;
    private SchemaInventory schemaBefore;
    private SchemaInventory schemaAfter;
    private Map<String, Long> rowsBefore = Map.of();
    private Map<String, Long> rowsAfter = Map.of();

    /** @param database where the run goes, safe to print */
    public MigrateRecorder(String database, String mode) {
        this.database = database;
        this.mode = mode;
    }

    public void planned(List<Planned> changeSets) {
        planned = List.copyOf(changeSets);
    }

    public void findings(CheckResult result, RulePolicy runPolicy) {
        findings.addAll(result.findings());
        policy = runPolicy;
    }

    /** @param took null when the run used a snapshot taken before it (rsx:begin) */
    public void snapshotTaken(Snapshot taken, Duration took) {
        snapshot = taken;
        snapshotTakeTime = took;
    }

    public void snapshotRestored(Duration took) {
        restoreTime = took;
    }

    public void applied(List<AppliedChangeSet> changeSets) {
        applied = List.copyOf(changeSets);
    }

    public void failed(MigrationFailedException failure) {
        failedMigration = failure;
        applied = failure.appliedBefore();
    }

    public void normalized(NormalizationResult result) {
        normalization = result;
    }

    public void schemaBefore(SchemaInventory schema, Map<String, Long> rows) {
        schemaBefore = schema;
        rowsBefore = Map.copyOf(rows);
    }

    public void schemaAfter(SchemaInventory schema, Map<String, Long> rows) {
        schemaAfter = schema;
        rowsAfter = Map.copyOf(rows);
    }

    /** The schema before the run, when the run got as far as reading it (something was pending and allowed to run). */
    public SchemaInventory schemaBefore() {
        return schemaBefore;
    }

    /** The schema after the run, once read: by the live check of a run that applied migrations, else by the report. */
    public SchemaInventory schemaAfter() {
        return schemaAfter;
    }

    public Set<String> countedTables() {
        return rowsBefore.keySet();
    }

    /** @param failure how the run failed, as printed; null when it succeeded */
    public MigrateReport finish(String failure) {
        Outcome outcome = failure == null ? Outcome.SUCCESS : restoreTime != null ? Outcome.FAILED_RESTORED : Outcome.FAILED;
        SnapshotUse snapshotUse = snapshot == null ? null : new SnapshotUse(snapshot.name(), snapshot.strategy(),
                snapshot.sizeBytes(), snapshotTakeTime, restoreTime);
        // Without a schema before (a no-op), nothing changed: comparing 2,500 tables with themselves took 55 ms.
        SchemaDiff diff = schemaAfter == null ? null
                : schemaBefore == null ? SchemaDiff.NONE : SchemaDiff.between(schemaBefore, schemaAfter);
        return new MigrateReport(startedAt, Duration.ofNanos(System.nanoTime() - startedNanos), database, mode, outcome,
                failure, snapshotUse, migrations(), diff, normalizationActions(), rowCounts(), destructiveChanges(),
                warnings(), schemaAfter == null ? null : ErDiagram.of(schemaAfter));
    }

    private List<Migration> migrations() {
        // By key, not searched per planned changeset: that would be quadratic in the migrations of a large run.
        Map<List<String>, AppliedChangeSet> appliedByKey = new HashMap<>();
        applied.forEach(a -> appliedByKey.putIfAbsent(List.of(a.fileName(), a.changeSetId()), a));
        List<Migration> migrations = new ArrayList<>();
        boolean failureSeen = false;
        for (Planned p : planned) {
            AppliedChangeSet done = appliedByKey.get(List.of(p.fileName(), p.changeSetId()));
            if (done != null) {
                migrations.add(new Migration(p.version(), p.label(), p.description(), p.statements(), done.duration(),
                        restoreTime != null ? MigrationOutcome.UNDONE : MigrationOutcome.APPLIED, null, null, null));
            } else if (!failureSeen && failedMigration != null && failedMigration.fileName().equals(p.fileName())) {
                failureSeen = true;
                migrations.add(new Migration(p.version(), p.label(), p.description(), p.statements(),
                        failedMigration.failedAfter(), MigrationOutcome.FAILED, failedMigration.failedStatement().line(),
                        failedMigration.failedStatement().sql(), failedMigration.serverMessage()));
            } else {
                migrations.add(new Migration(p.version(), p.label(), p.description(), p.statements(), null,
                        MigrationOutcome.NOT_RUN, null, null, null));
            }
        }
        return List.copyOf(migrations);
    }

    private List<String> normalizationActions() {
        if (normalization == null) {
            return List.of();
        }
        return normalization.tables().stream().map(TableChanges::summary).toList();
    }

    private List<RowCount> rowCounts() {
        Set<String> tables = new LinkedHashSet<>(rowsBefore.keySet());
        tables.addAll(rowsAfter.keySet());
        return tables.stream().sorted().map(t -> new RowCount(t, rowsBefore.get(t), rowsAfter.get(t))).toList();
    }

    private List<Rule> destructiveChanges() {
        return findings.stream().filter(f -> f.rule().destructive()).map(f -> rule(f, acknowledgement(f))).toList();
    }

    private List<Rule> warnings() {
        return findings.stream().filter(f -> !f.rule().destructive())
                .map(f -> rule(f, f.waived() ? "waived: " + f.waiver().comment() : null)).toList();
    }

    private String acknowledgement(Finding finding) {
        if (finding.waived()) {
            return "acknowledged in the migration: " + finding.waiver().comment();
        }
        if (policy.allowDestructive()) {
            return "acknowledged for the whole run: rsx.allowDestructive=true";
        }
        return policy.destructiveNeedsAcknowledgement() ? "not acknowledged: the run stopped before anything ran"
                : "warning only: development mode, behind the snapshot";
    }

    private static Rule rule(Finding finding, String acknowledgement) {
        return new Rule(finding.rule().id(), finding.rule().title(), finding.location(), finding.message(), acknowledgement);
    }
}
