package dev.rsx.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;

/**
 * Liquibase's checksums of plain SQL migrations, remembered by content: computing them needs Liquibase's start-up
 * (a third of a second) and deciding that nothing is pending needs nothing else from Liquibase. The key is a
 * SHA-256 of the Liquibase version, the file name and the SHA-256 of the file's bytes (which the changelog computed
 * when it read the file), so an entry can never be stale; an entry missing, a
 * cache file unreadable or absent only sends the run the slower way. Lives in the build directory: {@code mvn clean}
 * empties it.
 */
public final class ChecksumCache {

    /**
     * Changes whenever the way a plain file becomes a changeset changes (its author, its split settings), so that
     * checksums computed the old way are not used.
     */
    private static final String CHANGESET_FORMAT = "rsx-1";
    private static final String LIQUIBASE_VERSION = liquibaseVersion();

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
        Map<String, String> stored = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    stored.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (NoSuchFileException e) {
            // first run after a clean build
        } catch (IOException e) {
            stored.clear();
        }
        return new ChecksumCache(file, stored);
    }

    /** The checksum of the content with SHA-256 {@code sha256} (hex) as {@code fileName}, if an earlier run computed it. */
    public Optional<String> get(String fileName, String sha256) {
        String key = key(fileName, sha256);
        String checksum = stored.get(key);
        if (checksum != null) {
            used.put(key, checksum);
        }
        return Optional.ofNullable(checksum);
    }

    void put(String fileName, String sha256, String checksum) {
        String key = key(fileName, sha256);
        used.put(key, checksum);
        added |= !checksum.equals(stored.get(key));
    }

    /**
     * Writes the entries this run used, when it computed new ones; entries of files that are gone are dropped. A
     * cache that cannot be written is only slower next time, so failures are ignored.
     */
    void save() {
        if (file == null || !added) {
            return;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(used).forEach((key, checksum) -> text.append(key).append(' ').append(checksum).append('\n'));
        try {
            BuildFiles.replace(file, text.toString());
            added = false;
        } catch (IOException e) {
            // only the next run's speed depends on it
        }
    }

    private static String key(String fileName, String sha256) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((CHANGESET_FORMAT + '\n' + LIQUIBASE_VERSION + '\n' + fileName
                    + '\n' + sha256).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Read from the library's own Maven metadata: asking Liquibase would start it. */
    private static String liquibaseVersion() {
        try (InputStream in = ChecksumCache.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.liquibase/liquibase-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
