package dev.rsx.engine;

import java.util.Optional;

/**
 * One changeset of the migrations, as the engine, the rules and the report see it: the only one of a plain SQL file,
 * or one of a formatted changelog's. A plain file's is made without Liquibase, so a run whose statements and
 * checksums earlier runs remembered never starts Liquibase; the Liquibase changeset behind one is built only when
 * Liquibase has to split, checksum or run it ({@link MigrationChangeLog#liquibaseChangeSet}).
 */
public final class MigrationChangeSet {

    private final MigrationChangeLog.Source source;
    private final String id;
    private final String author;
    private volatile String refusal;

    MigrationChangeSet(MigrationChangeLog.Source source, String id, String author) {
        this.source = source;
        this.id = id;
        this.author = author;
    }

    public MigrationChangeLog.Source source() {
        return source;
    }

    public MigrationFile file() {
        return source.file();
    }

    /** Liquibase's path of the changeset: the migration's file name, the same on every machine. */
    public String filePath() {
        return source.file().fileName();
    }

    public String id() {
        return id;
    }

    public String author() {
        return author;
    }

    /** How logs and reports name it: the file, and for a formatted changelog's changeset its author and id too. */
    public String label() {
        return file().formattedChangelog() ? filePath() + " (" + author + ":" + id + ")" : filePath();
    }

    String key() {
        return ChangeSetKey.of(filePath(), id, author);
    }

    /**
     * Forbids running it, with the reason the run gives when it gets there (or allows it again with null): the rules'
     * verdict on it, which the engine enforces whoever calls it, even a caller that never showed the findings.
     */
    public void refuse(String reason) {
        this.refusal = reason;
    }

    /** Why it must not run; empty when nothing forbids it. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}
