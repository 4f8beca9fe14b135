package dev.rsx.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cleans up after a build that ends without stopping what it started: a failed or interrupted build, or one whose
 * {@code rsx:stop} never ran. One JVM shutdown hook runs every cleanup still registered.
 *
 * <p>Maven closes the plugin's class loader before the JVM exits, so a cleanup must not need classes the build has not
 * loaded yet: the ones registered here stop processes and delete files with the JDK's own classes.
 */
final class ShutdownGuard {

    private static final Map<Object, Runnable> PENDING = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownGuard::runPending, "rsx-shutdown-cleanup"));
    }

    private ShutdownGuard() {}

    static void register(Object owner, Runnable cleanup) {
        PENDING.put(owner, cleanup);
    }

    /** {@code owner} cleaned up after itself. */
    static void unregister(Object owner) {
        PENDING.remove(owner);
    }

    private static void runPending() {
        for (Runnable cleanup : PENDING.values()) {
            try {
                cleanup.run();
            } catch (RuntimeException | LinkageError e) {
                // The JVM is exiting: stderr is the only place left to say so.
                System.err.println("[rsx] Cleanup at exit failed: " + e);
            }
        }
    }
}
