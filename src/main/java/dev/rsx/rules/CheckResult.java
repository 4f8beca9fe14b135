package dev.rsx.rules;

import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.WrittenTables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a check found.
 *
 * @param notChecked statements the parser could not read, to be checked on the live schema once they ran
 * @param files migration files checked
 * @param statements statements checked
 * @param touchedTables lower-case names of the tables whose definition the statements change; for a statement the
 *     parser could not read, every table it names
 * @param writtenTables the tables the statements can change, definition or rows: what a snapshot must copy
 */
public record CheckResult(List<Finding> findings, List<MigrationStatement> notChecked, int files, int statements,
        Set<String> touchedTables, WrittenTables writtenTables) {

    public static CheckResult of(List<Finding> findings) {
        return new CheckResult(List.copyOf(findings), List.of(), 0, 0, Set.of(), WrittenTables.NONE);
    }

    public CheckResult plus(CheckResult other) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(other.findings);
        List<MigrationStatement> unread = new ArrayList<>(notChecked);
        unread.addAll(other.notChecked);
        Set<String> touched = new HashSet<>(touchedTables);
        touched.addAll(other.touchedTables);
        return new CheckResult(List.copyOf(all), List.copyOf(unread), files + other.files, statements + other.statements,
                Set.copyOf(touched), writtenTables.plus(other.writtenTables));
    }

    public List<Finding> blocking(RulePolicy policy) {
        return findings.stream().filter(policy::blocks).toList();
    }

    /** Findings that count as errors under {@code policy}: everything that blocks. */
    public long errors(RulePolicy policy) {
        return blocking(policy).size();
    }

    /** Findings reported without stopping the run (waived ones excluded). */
    public long warnings(RulePolicy policy) {
        return findings.stream().filter(f -> !f.waived() && !policy.blocks(f)).count();
    }

    public List<Finding> waived() {
        return findings.stream().filter(Finding::waived).toList();
    }

    /** True when a waived finding of {@code rule} names {@code table}: the live check of that rule skips the table. */
    public boolean waives(RuleDefinition rule, String table) {
        return waived().stream().anyMatch(f -> f.rule().id().equals(rule.id()) && f.table() != null
                && f.table().equalsIgnoreCase(table));
    }
}
