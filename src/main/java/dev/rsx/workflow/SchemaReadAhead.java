package dev.rsx.workflow;

import dev.rsx.schema.SchemaInventory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The schema as a run finds it, read on the goal's first connection when that opens while the goal still reads its
 * migration files (see {@link dev.rsx.db.EarlyConnection}). Reading it costs the server about 0.1 ms per table,
 * most of it for the foreign keys (0.2–0.3 s at 2,500 tables), which then overlaps the files instead of following
 * them. A run takes it at most once, for the schema before anything of its own changed it: where a no-op's
 * normalization and report start, or the rules' and the report's starting point. Where nothing was read ahead, or the read failed or is still running, the
 * run reads the schema itself, so a failure surfaces there, explained.
 */
public final class SchemaReadAhead {

    private static final Object PENDING = new Object();
    private static final Object TAKEN = new Object();

    private final AtomicReference<Object> state = new AtomicReference<>(PENDING);

    /** Reads the schema on {@code connection} for a later {@link #take}: for {@code EarlyConnection}'s first read. */
    public void read(Connection connection) {
        try {
            state.compareAndSet(PENDING, SchemaInventory.read(connection));
        } catch (SQLException | RuntimeException e) {
            // The run reads the schema again when it needs it, and explains a failure then.
        }
    }

    /**
     * The schema read ahead, or else read now on {@code connection}. Once taken (or {@link #discard discarded}), a read
     * ahead that arrives late is dropped and every later call reads afresh.
     */
    SchemaInventory take(Connection connection) throws SQLException {
        return state.getAndSet(TAKEN) instanceof SchemaInventory ahead ? ahead : SchemaInventory.read(connection);
    }

    /** Drops what was read ahead: the run waited or changed the schema since, and must read it afresh. */
    void discard() {
        state.set(TAKEN);
    }
}
