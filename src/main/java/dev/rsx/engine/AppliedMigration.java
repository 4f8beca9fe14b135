package dev.rsx.engine;

import java.time.LocalDateTime;

/** A row of the tracking table: a changeset the database says it has run. */
public record AppliedMigration(String id, String author, String fileName, String checksum, LocalDateTime appliedAt) {

    /** The key Liquibase identifies a changeset by. */
    public String key() {
        return ChangeSetKey.of(fileName, id, author);
    }
}
