package dev.rsx.engine;

import liquibase.changelog.ChangeSet;

/** Liquibase's identity of a changeset (path, id, author) as one comparable string. */
final class ChangeSetKey {

    private ChangeSetKey() {}

    static String of(String fileName, String id, String author) {
        return fileName + "::" + id + "::" + author;
    }

    static String of(ChangeSet changeSet) {
        return of(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
    }
}
