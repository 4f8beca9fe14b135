package dev.rsx.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A goal's first connection, opened on a thread of its own while the goal reads its migration files. The driver's
 * first connection in a JVM costs about 0.2 s of class loading and initialisation, as long as reading and hashing
 * the files of a no-op run, so the two overlap instead of adding up. The next {@link DatabaseConnector#open} with the
 * same settings takes this connection, or its failure, which then surfaces where it would have without it.
 */
public final class EarlyConnection implements AutoCloseable {

    /** A connection on its way, and whether a goal has asked for it (or will never take it). */
    private record Opening(CompletableFuture<Connection> connection, AtomicBoolean asked) {}

    private static final Map<ConnectionSettings, Opening> WAITING = new ConcurrentHashMap<>();

    private final ConnectionSettings settings;
    private final Opening opening;

    private EarlyConnection(ConnectionSettings settings, Opening opening) {
        this.settings = settings;
        this.opening = opening;
    }

    /**
     * Starts opening a connection with {@code settings}. The thread starts before the settings are registered: their
     * first {@code hashCode} bootstraps the record's methods, about 20 ms in a cold JVM that the connection, which the
     * goal will wait for, need not wait for. When another goal of the build is opening the same, this connection is
     * closed once open.
     */
    public static EarlyConnection open(ConnectionSettings settings) {
        return open(settings, connection -> { });
    }

    /**
     * As {@link #open(ConnectionSettings)}, and runs {@code firstRead} on the connection, on the same thread, when it
     * is open before the goal asks for it: a read the goal will need, done in the time the goal still spends on its
     * files. A goal that already waits gets the connection at once, and does that read itself. {@code firstRead} must
     * leave the session as it found it and must not throw; a read that fails is for the goal to do again and report.
     */
    public static EarlyConnection open(ConnectionSettings settings, Consumer<Connection> firstRead) {
        return open(settings, () -> DatabaseConnector.connect(settings), firstRead);
    }

    /** As {@link #open(ConnectionSettings, Consumer)}, connecting with {@code connect}: for tests that time it. */
    static EarlyConnection open(ConnectionSettings settings, Supplier<Connection> connect, Consumer<Connection> firstRead) {
        Opening opening = new Opening(new CompletableFuture<>(), new AtomicBoolean());
        Thread opener = new Thread(() -> {
            try {
                Connection opened = connect.get();
                if (!opening.asked().get()) {
                    firstRead.accept(opened);
                }
                opening.connection().complete(opened);
            } catch (RuntimeException | Error e) {
                // Whatever ends the thread must complete the future: the goal waits for it.
                opening.connection().completeExceptionally(e);
            }
        }, "rsx-early-connection");
        opener.setDaemon(true);
        opener.start();
        if (WAITING.putIfAbsent(settings, opening) != null) {
            closeOnceOpen(opening);
        }
        return new EarlyConnection(settings, opening);
    }

    /** The connection opened ahead for {@code settings}, waited for; null when none was. */
    static Connection take(ConnectionSettings settings) {
        Opening early = WAITING.remove(settings);
        if (early == null) {
            return null;
        }
        early.asked().set(true);
        try {
            return early.connection().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Whether a goal has asked for this connection, or it will be closed untaken. */
    boolean asked() {
        return opening.asked().get();
    }

    /** Closes the connection if nothing took it, once it is open: a goal that failed before connecting waits for nothing. */
    @Override
    public void close() {
        if (WAITING.remove(settings, opening)) {
            closeOnceOpen(opening);
        }
    }

    /** A connection nobody will take: no first read for it, and closed as soon as it is open. */
    private static void closeOnceOpen(Opening opening) {
        opening.asked().set(true);
        opening.connection().thenAccept(EarlyConnection::closeQuietly);
    }

    private static void closeQuietly(Connection unused) {
        try {
            unused.close();
        } catch (SQLException e) {
            // nothing was done on it, so nothing can be lost
        }
    }
}
