package dev.rsx.engine;

/** Liquibase's identity of a changeset (path, id, author) as one comparable string. */
final class ChangeSetKey {

    private ChangeSetKey() {}

    static String of(String fileName, String id, String author) {
        return fileName + "::" + id + "::" + author;
    }
}
