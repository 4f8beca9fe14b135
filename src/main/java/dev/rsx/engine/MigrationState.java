package dev.rsx.engine;

/** Where a migration stands, comparing the files with the tracking table. */
public enum MigrationState {
    APPLIED("applied"),
    PENDING("pending"),
    /** Applied, but the file's checksum no longer matches what the database ran. */
    CHANGED("changed"),
    /** Applied, but no file for it exists any more. */
    FILE_MISSING("file missing");

    private final String label;

    MigrationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
