package dev.rsx.rules;

import dev.rsx.engine.BuildFiles;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationChangeSet;
import dev.rsx.engine.Sha256;
import dev.rsx.sql.WrittenTables;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Check results of pending migrations that found nothing, remembered by everything the check depends on: the
 * plugin's build, the rule policy, the starting schema as the rules know it, and each pending changeset's file and
 * content. An integration-test build applies the same migrations to a fresh database every time; parsing them again
 * (JSqlParser, about 0.3 s for 200 files in a new JVM) would find the same nothing. A check with any finding is never
 * remembered, so findings are always reported from a real check. Lives in the build directory: {@code mvn clean}
 * empties it; a missing or unreadable entry only sends the run the slower way.
 */
public final class CheckCache {

    /** Changes whenever an entry's format or meaning changes. */
    private static final String FORMAT = "rsx-check-1";
    /** Entries kept: the development database and the integration-test database of a project each need theirs. */
    private static final int KEPT = 8;

    private final Path directory;
    private final String pluginBuild;

    private CheckCache(Path directory, String pluginBuild) {
        this.directory = directory;
        this.pluginBuild = pluginBuild;
    }

    /** A cache that remembers nothing. */
    public static CheckCache none() {
        return new CheckCache(null, null);
    }

    /** The cache kept in {@code directory}. */
    public static CheckCache in(Path directory) {
        return new CheckCache(directory, pluginBuild());
    }

    /** The key of checking {@code pending} of {@code changeLog} from {@code schema} under {@code policy}; null for none. */
    String key(RulePolicy policy, KnownSchema schema, MigrationChangeLog changeLog, List<MigrationChangeSet> pending) {
        if (directory == null || pluginBuild == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(pluginBuild).append('\n')
                .append(new TreeSet<>(policy.disabledRules())).append(' ')
                .append(policy.destructiveNeedsAcknowledgement()).append(' ').append(policy.allowDestructive()).append('\n')
                .append(schema.fingerprint());
        for (MigrationChangeSet changeSet : pending) {
            MigrationChangeLog.Source source = changeSet.source();
            text.append(source.file().fileName()).append(' ').append(changeSet.id()).append(' ').append(source.sha256())
                    .append('\n');
        }
        return Sha256.hex(text.toString());
    }

    /** The result remembered under {@code key}, if any. */
    Optional<CheckResult> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(directory.resolve(key), StandardCharsets.UTF_8);
            int files = -1;
            int statements = -1;
            Set<String> touched = new LinkedHashSet<>();
            Set<String> written = new LinkedHashSet<>();
            String unboundedBy = null;
            for (String line : lines) {
                int space = line.indexOf(' ');
                String field = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                switch (field) {
                    case "files" -> files = Integer.parseInt(value);
                    case "statements" -> statements = Integer.parseInt(value);
                    case "touched" -> touched.add(value);
                    case "written" -> written.add(value);
                    case "unbounded" -> unboundedBy = value;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (files < 0 || statements < 0) {
                return Optional.empty();
            }
            return Optional.of(new CheckResult(List.of(), List.of(), files, statements, Set.copyOf(touched),
                    new WrittenTables(Set.copyOf(written), unboundedBy)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // absent, unreadable or damaged: the check runs
        }
    }

    /** Remembers {@code result} under {@code key} when it found nothing; the oldest entries beyond {@link #KEPT} go. */
    void remember(String key, CheckResult result) {
        if (key == null || !result.findings().isEmpty() || !result.notChecked().isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("files " + result.files());
        lines.add("statements " + result.statements());
        new TreeSet<>(result.touchedTables()).forEach(table -> lines.add("touched " + table));
        new TreeSet<>(result.writtenTables().tables()).forEach(table -> lines.add("written " + table));
        if (!result.writtenTables().bounded()) {
            lines.add("unbounded " + result.writtenTables().unboundedBy());
        }
        if (lines.stream().anyMatch(line -> line.indexOf('\n') >= 0)) {
            return; // a table name with a line break: not worth a format that can hold it
        }
        String text = String.join("\n", lines) + "\n";
        try {
            BuildFiles.replace(directory.resolve(key), text);
            prune();
        } catch (IOException e) {
            // only the next run's speed depends on it
        }
    }

    private void prune() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().length() == 64).forEach(entries::add);
        }
        if (entries.size() <= KEPT) {
            return;
        }
        entries.sort(Comparator.comparing(CheckCache::modified).reversed());
        for (Path old : entries.subList(KEPT, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0; // gone already: first to be pruned
        }
    }

    /**
     * The plugin's own build: its jar (or classes directory), size and modification time, so that a rebuilt plugin
     * of the same version never reuses what an older build of the rules concluded. Null when it cannot be told.
     */
    private static String pluginBuild() {
        try {
            Path code = Path.of(CheckCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
