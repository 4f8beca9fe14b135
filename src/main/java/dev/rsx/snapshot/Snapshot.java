package dev.rsx.snapshot;

import java.time.Instant;

/**
 * A snapshot as recorded by its strategy.
 *
 * @param name chosen by the user, or {@link #MIGRATION} for the one {@code rsx:migrate} takes
 * @param strategy {@code logical} or {@code datadir}
 * @param server what identifies the server it came from (for logical: host, port and the server's own id; for
 *     datadir: the data directory)
 * @param schema the schema it came from
 * @param sizeBytes the data it holds
 */
public record Snapshot(String name, String strategy, String server, String schema, Instant createdAt, long sizeBytes,
        SnapshotState state) {

    /** The snapshot {@code rsx:migrate} and {@code rsx:begin} take. */
    public static final String MIGRATION = "migration";
}
