package dev.rsx.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements Liquibase's split makes of plain SQL migrations, remembered by content ({@link PlainFileResults}).
 * The split is most of what reading a pending migration costs in a cold JVM (about 0.15 s for 200), and a build that
 * migrates a fresh database every time, as integration tests do, splits the same files every time. The file is read
 * on first use: a run with nothing pending never opens it.
 */
public final class StatementCache {

    private final Path file;
    private Map<String, String> stored;
    private boolean added;

    private StatementCache(Path file) {
        this.file = file;
    }

    /** A cache that remembers nothing, for callers without a build directory. */
    public static StatementCache none() {
        return new StatementCache(null);
    }

    /** The cache kept in {@code file}. */
    public static StatementCache in(Path file) {
        return new StatementCache(file);
    }

    /** The statements of the content with SHA-256 {@code sha256} (hex) as {@code fileName}, if an earlier run split it. */
    synchronized Optional<List<String>> get(String fileName, String sha256) {
        String value = stored().get(PlainFileResults.key(fileName, sha256));
        return value == null ? Optional.empty() : decode(value);
    }

    synchronized void put(String fileName, String sha256, List<String> statements) {
        String value = encode(statements);
        added |= !value.equals(stored().put(PlainFileResults.key(fileName, sha256), value));
    }

    /**
     * Writes the entries of {@code current} (file name to the SHA-256 of its content), when this run split something
     * new: entries of files that changed or are gone are dropped, those of unchanged files kept for a run that applies
     * them to another database.
     */
    synchronized void save(Map<String, String> current) {
        if (file == null || !added) {
            return;
        }
        Map<String, String> kept = new HashMap<>();
        current.forEach((fileName, sha256) -> {
            String key = PlainFileResults.key(fileName, sha256);
            String value = stored().get(key);
            if (value != null) {
                kept.put(key, value);
            }
        });
        if (PlainFileResults.write(file, kept)) {
            added = false;
        }
    }

    private Map<String, String> stored() {
        if (stored == null) {
            stored = file == null ? new HashMap<>() : PlainFileResults.read(file);
        }
        return stored;
    }

    /** The count, then each statement in Base64: one line, whatever the statements hold. */
    private static String encode(List<String> statements) {
        StringBuilder value = new StringBuilder().append(statements.size());
        for (String statement : statements) {
            value.append(' ').append(Base64.getEncoder().encodeToString(statement.getBytes(StandardCharsets.UTF_8)));
        }
        return value.toString();
    }

    /** Empty when the value is not what {@link #encode} writes: the file was damaged, and the split runs again. */
    private static Optional<List<String>> decode(String value) {
        String[] parts = value.split(" ", -1);
        try {
            if (Integer.parseInt(parts[0]) != parts.length - 1) {
                return Optional.empty();
            }
            List<String> statements = new ArrayList<>(parts.length - 1);
            for (int i = 1; i < parts.length; i++) {
                statements.add(new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8));
            }
            return Optional.of(List.copyOf(statements));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
