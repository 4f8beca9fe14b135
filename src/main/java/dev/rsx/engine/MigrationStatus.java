package dev.rsx.engine;

import java.time.LocalDateTime;

/**
 * One line of {@code rsx:status}: a changeset and its state.
 *
 * @param appliedChecksum what the tracking table holds, null when pending
 * @param localChecksum what the file gives now, null when the file is missing
 */
public record MigrationStatus(String version, String description, String fileName, String changeSetId,
        MigrationState state, LocalDateTime appliedAt, String appliedChecksum, String localChecksum) {}
