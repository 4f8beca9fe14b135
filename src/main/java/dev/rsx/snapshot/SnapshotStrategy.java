package dev.rsx.snapshot;

import dev.rsx.engine.EngineLog;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A way to snapshot one schema and put it back exactly. MySQL commits DDL implicitly, so a failed migration cannot be
 * rolled back; a snapshot taken before it can.
 *
 * <p>Every snapshot records durably what state it is in ({@link SnapshotState}) and which server and schema it came
 * from, so a run killed at any point can be recovered by the next one, and a snapshot is never restored onto another
 * server or schema.
 */
public interface SnapshotStrategy {

    /** {@code logical} or {@code datadir}. */
    String name();

    /**
     * Takes a snapshot named {@code name}.
     *
     * @throws SnapshotException when one of that name exists already, or there is not enough free space (checked
     *     before anything is copied)
     */
    Snapshot create(String name, EngineLog log);

    /**
     * Takes a snapshot named {@code name} for a run that writes only the tables {@code written} names (lower case):
     * a strategy that can copy part of a schema copies those and what a write to them can change, and keeps every
     * definition, so that {@link #restore} puts the schema back as exactly as after {@link #create(String, EngineLog)}.
     * Others, a null {@code written} (the run's reach is unknown), and anything that makes the part unknowable copy
     * everything.
     */
    default Snapshot create(String name, Set<String> written, EngineLog log) {
        return create(name, log);
    }

    /**
     * Puts the schema back exactly as it was when the snapshot was taken (tables with their data, views, triggers,
     * routines, events, AUTO_INCREMENT counters; objects created since are removed), then drops the snapshot.
     * Continues an interrupted restore of the same snapshot.
     *
     * @throws SnapshotException when no such snapshot exists, or it belongs to another server or schema
     */
    void restore(String name, EngineLog log);

    /** Removes the snapshot; removing one that does not exist does nothing. */
    void drop(String name, EngineLog log);

    /** The snapshots of this server and schema, oldest first, in whatever state they are. */
    List<Snapshot> list();

    default Optional<Snapshot> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * {@link #find(String)}, asking over {@code connection}, open to this strategy's server and schema, where the
     * strategy asks the server at all: a run that holds a connection already need not open a second one.
     */
    default Optional<Snapshot> find(String name, Connection connection) {
        return find(name);
    }
}
