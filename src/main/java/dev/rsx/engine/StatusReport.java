package dev.rsx.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.CheckSum;

/**
 * The state of every migration: the files compared with the tracking table, in one pass over each.
 *
 * @param rows in version order
 */
public record StatusReport(List<MigrationStatus> rows) {

    private static final Pattern LEADING_VERSION = Pattern.compile("^(\\d+)_(.*?)(\\.sql)?$");

    /** Compares; must run inside {@link LiquibaseScope} because checksums are Liquibase's. */
    public static StatusReport compare(MigrationChangeLog changeLog, List<AppliedMigration> applied) {
        Map<String, AppliedMigration> appliedByKey = new HashMap<>();
        for (AppliedMigration migration : applied) {
            appliedByKey.put(migration.key(), migration);
        }
        List<MigrationStatus> rows = new ArrayList<>();
        for (MigrationChangeSet changeSet : changeLog.changeSets()) {
            MigrationFile file = changeSet.file();
            String description = file.formattedChangelog()
                    ? file.description() + " (" + changeSet.author() + ":" + changeSet.id() + ")"
                    : file.description();
            AppliedMigration match = appliedByKey.remove(changeSet.key());
            String local = changeLog.checksumOf(changeSet);
            MigrationState state;
            if (match == null) {
                state = MigrationState.PENDING;
            } else if (match.checksum() == null
                    || changeLog.liquibaseChangeSet(changeSet).isCheckSumValid(CheckSum.parse(match.checksum()))) {
                state = MigrationState.APPLIED;
            } else {
                state = MigrationState.CHANGED;
            }
            rows.add(new MigrationStatus(file.version(), description, file.fileName(), changeSet.id(), state,
                    match == null ? null : match.appliedAt(), match == null ? null : match.checksum(), local));
        }
        addMissing(applied, appliedByKey, rows);
        return new StatusReport(List.copyOf(rows));
    }

    /**
     * The same comparison from the checksums earlier runs computed, without Liquibase; empty when they are not all
     * cached, or when a recorded checksum differs from the file's (only Liquibase can tell an edit from a checksum
     * an older Liquibase recorded).
     */
    static Optional<StatusReport> compareCached(MigrationChangeLog changeLog, List<AppliedMigration> applied) {
        Optional<Map<MigrationFile, String>> checksums = changeLog.cachedChecksums();
        if (checksums.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AppliedMigration> appliedByKey = new HashMap<>();
        for (AppliedMigration migration : applied) {
            appliedByKey.put(migration.key(), migration);
        }
        List<MigrationStatus> rows = new ArrayList<>();
        for (Map.Entry<MigrationFile, String> entry : checksums.get().entrySet()) {
            MigrationFile file = entry.getKey();
            String local = entry.getValue();
            AppliedMigration match = appliedByKey.remove(MigrationChangeLog.keyOf(file));
            if (match != null && match.checksum() != null && !match.checksum().equals(local)) {
                return Optional.empty();
            }
            rows.add(new MigrationStatus(file.version(), file.description(), file.fileName(), file.version(),
                    match == null ? MigrationState.PENDING : MigrationState.APPLIED, match == null ? null : match.appliedAt(),
                    match == null ? null : match.checksum(), local));
        }
        addMissing(applied, appliedByKey, rows);
        return Optional.of(new StatusReport(List.copyOf(rows)));
    }

    /** Adds the applied migrations whose files are gone to {@code rows}, which hold the change log's, in its order. */
    private static void addMissing(List<AppliedMigration> applied, Map<String, AppliedMigration> unmatched,
            List<MigrationStatus> rows) {
        if (unmatched.isEmpty()) {
            return; // the change log's rows are in version order already
        }
        applied.stream().filter(a -> unmatched.containsKey(a.key())).forEach(missing -> {
            Matcher m = LEADING_VERSION.matcher(missing.fileName());
            rows.add(new MigrationStatus(m.matches() ? m.group(1) : missing.id(), m.matches() ? m.group(2) : missing.fileName(),
                    missing.fileName(), missing.id(), MigrationState.FILE_MISSING, missing.appliedAt(), missing.checksum(), null));
        });
        rows.sort(Comparator.comparing(StatusReport::orderOf));
    }

    private static BigInteger orderOf(MigrationStatus row) {
        return row.version().chars().allMatch(Character::isDigit) && !row.version().isEmpty()
                ? new BigInteger(row.version()) : BigInteger.valueOf(Long.MAX_VALUE);
    }

    public List<MigrationStatus> inState(MigrationState state) {
        return rows.stream().filter(r -> r.state() == state).toList();
    }

    public List<MigrationStatus> pending() {
        return inState(MigrationState.PENDING);
    }

    /** One sentence counting the states, e.g. "3 migrations: 1 applied, 2 pending; current version 001." */
    public String summary() {
        long applied = inState(MigrationState.APPLIED).size();
        long pending = pending().size();
        long problems = rows.size() - applied - pending;
        return rows.size() + " migration" + (rows.size() == 1 ? "" : "s") + ": " + applied + " applied, " + pending
                + " pending" + (problems > 0 ? ", " + problems + " changed or missing" : "") + "; current version "
                + (currentVersion() == null ? "none" : currentVersion()) + ".";
    }

    /** The newest version the database has applied, or null when it has applied none. */
    public String currentVersion() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).state() != MigrationState.PENDING) {
                return rows.get(i).version();
            }
        }
        return null;
    }
}
