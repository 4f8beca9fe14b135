package dev.rsx.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A goal's first connection, opened on a thread of its own while the goal reads its migration files. The driver's
 * first connection in a JVM costs about 0.2 s of class loading and initialisation, as long as reading and hashing
 * the files of a no-op run, so the two overlap instead of adding up. The next {@link DatabaseConnector#open} with the
 * same settings takes this connection, or its failure, which then surfaces where it would have without it.
 */
public final class EarlyConnection implements AutoCloseable {

    private static final Map<ConnectionSettings, CompletableFuture<Connection>> WAITING = new ConcurrentHashMap<>();

    private final ConnectionSettings settings;
    private final CompletableFuture<Connection> connection;

    private EarlyConnection(ConnectionSettings settings, CompletableFuture<Connection> connection) {
        this.settings = settings;
        this.connection = connection;
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
     * As {@link #open(ConnectionSettings)}, and runs {@code firstRead} on the connection, on the same thread, before
     * anyone can take it: a read the goal will need, done while it still reads its files. {@code firstRead} must
     * leave the session as it found it and must not throw; a read that fails is for the goal to do again and report.
     */
    public static EarlyConnection open(ConnectionSettings settings, Consumer<Connection> firstRead) {
        CompletableFuture<Connection> connection = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                Connection opened = DatabaseConnector.connect(settings);
                firstRead.accept(opened);
                connection.complete(opened);
            } catch (RuntimeException | Error e) {
                // Whatever ends the thread must complete the future: the goal waits for it.
                connection.completeExceptionally(e);
            }
        }, "rsx-early-connection");
        opener.setDaemon(true);
        opener.start();
        if (WAITING.putIfAbsent(settings, connection) != null) {
            connection.thenAccept(EarlyConnection::closeQuietly);
        }
        return new EarlyConnection(settings, connection);
    }

    /** The connection opened ahead for {@code settings}, waited for; null when none was. */
    static Connection take(ConnectionSettings settings) {
        CompletableFuture<Connection> early = WAITING.remove(settings);
        if (early == null) {
            return null;
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Closes the connection if nothing took it, once it is open: a goal that failed before connecting waits for nothing. */
    @Override
    public void close() {
        if (WAITING.remove(settings, connection)) {
            connection.thenAccept(EarlyConnection::closeQuietly);
        }
    }

    private static void closeQuietly(Connection unused) {
        try {
            unused.close();
        } catch (SQLException e) {
            // nothing was done on it, so nothing can be lost
        }
    }
}
