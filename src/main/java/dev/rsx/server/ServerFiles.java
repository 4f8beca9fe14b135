package dev.rsx.server;

import dev.rsx.engine.EnvironmentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files an embedded server keeps next to its data directory, and their removal. JDK classes only: removal also
 * runs at JVM exit, when the plugin's class loader may load nothing new ({@link ShutdownGuard}).
 */
final class ServerFiles {

    private ServerFiles() {}

    static Path lockFileOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }

    static Path temporaryDirOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".tmp");
    }

    /** The data directory and the server's temporary directory; the lock file stays for whoever holds it. */
    static void deleteData(Path dataDir) {
        deleteTree(dataDir);
        deleteTree(temporaryDirOf(dataDir));
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EnvironmentException("Cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
