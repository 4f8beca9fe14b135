package dev.rsx.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Liquibase's checksums of plain SQL migrations, remembered by content ({@link PlainFileResults}): computing them needs
 * Liquibase's start-up (a third of a second) and deciding that nothing is pending needs nothing else from Liquibase.
 * The key is computed from the SHA-256 of the file's bytes, which the changelog computed when it read the file.
 */
public final class ChecksumCache {

    private final Path file;
    private final Map<String, String> stored;
    /** Looked up from parallel streams. */
    private final Map<String, String> used = new ConcurrentHashMap<>();
    private boolean added;

    private ChecksumCache(Path file, Map<String, String> stored) {
        this.file = file;
        this.stored = stored;
    }

    /** A cache that remembers nothing, for callers without a build directory. */
    public static ChecksumCache none() {
        return new ChecksumCache(null, Map.of());
    }

    /** The cache kept in {@code file}; empty when the file does not exist or cannot be read. */
    public static ChecksumCache in(Path file) {
        return new ChecksumCache(file, PlainFileResults.read(file));
    }

    /** The checksum of the content with SHA-256 {@code sha256} (hex) as {@code fileName}, if an earlier run computed it. */
    public Optional<String> get(String fileName, String sha256) {
        String key = PlainFileResults.key(fileName, sha256);
        String checksum = stored.get(key);
        if (checksum != null) {
            used.put(key, checksum);
        }
        return Optional.ofNullable(checksum);
    }

    void put(String fileName, String sha256, String checksum) {
        String key = PlainFileResults.key(fileName, sha256);
        used.put(key, checksum);
        added |= !checksum.equals(stored.get(key));
    }

    /**
     * Writes the entries this run used, when it computed new ones; entries of files that are gone are dropped. A
     * cache that cannot be written is only slower next time.
     */
    void save() {
        if (file != null && added && PlainFileResults.write(file, used)) {
            added = false;
        }
    }
}
