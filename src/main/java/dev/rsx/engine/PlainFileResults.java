package dev.rsx.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Liquibase made of plain SQL files, kept in the build directory by content for later runs: one line per file,
 * {@code <key> <value>}. The key is a SHA-256 of the way a plain file becomes a changeset, the Liquibase version, the
 * file name and the SHA-256 of the file's bytes, so an entry can never be stale. A file missing or unreadable only
 * sends the run the slower way; {@code mvn clean} empties them.
 */
final class PlainFileResults {

    /**
     * Changes whenever the way a plain file becomes a changeset changes (its author, its split settings), so that
     * results computed the old way are not used.
     */
    private static final String CHANGESET_FORMAT = "rsx-1";
    
    private PlainFileResults() {}

    static String key(String fileName, String sha256) {
        return Sha256.hex(CHANGESET_FORMAT + '\n' + LiquibaseVersion.VALUE + '\n' + fileName + '\n' + sha256);
    }

    /** The entries of {@code file}; none when it does not exist or cannot be read. */
    static Map<String, String> read(Path file) {
        Map<String, String> entries = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    entries.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        } catch (NoSuchFileException e) {
            // first run after a clean build
        } catch (IOException e) {
            entries.clear();
        }
        return entries;
    }

    /** Replaces {@code file} with {@code entries}; a failure only costs the next run its speed, so it is ignored. */
    static boolean write(Path file, Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(entries).forEach((key, value) -> text.append(key).append(' ').append(value).append('\n'));
        try {
            BuildFiles.replace(file, text.toString());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
