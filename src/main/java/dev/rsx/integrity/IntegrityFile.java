package dev.rsx.integrity;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationDirectory;
import dev.rsx.engine.MigrationFile;
import dev.rsx.engine.PerFile;
import dev.rsx.integrity.IntegrityProblem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migrations' integrity file {@code rsx.sum}, modelled on Atlas's {@code atlas.sum}. It records every migration
 * that was created deliberately, with a hash of its content, so that a migration copied in by hand, or edited after it
 * was recorded, is caught before it runs.
 *
 * <p>The format is the same bytes on every machine (UTF-8, {@code \n} line ends):
 * <pre>
 * h1:&lt;base64 SHA-256 of all following lines, each with its \n&gt;
 * 20251121090000_create_users_table.sql h1:&lt;base64 SHA-256 of the file's bytes&gt;
 * 20251121090100_create_products_table.sql h1:...
 * </pre>
 * with one line per migration, in version order.
 *
 * <p>The total on line 1 changes whenever a migration is added. Two git branches that each add a migration therefore
 * both change line 1 (and both add a line after the same last entry), so merging them is a conflict in this file
 * rather than a silent interleaving of the two branches' migrations in an order nobody reviewed. A conflict resolved
 * by hand leaves a total that no longer matches the entries, which is reported too until {@code mvn rsx:hash} records
 * the merged directory.
 */
public final class IntegrityFile {

    /** The file's name in the migrations directory. */
    public static final String NAME = MigrationDirectory.INTEGRITY_FILE;
    /** No file at all: every migration is unrecorded. */
    static final IntegrityFile NONE = new IntegrityFile(Map.of(), List.of());

    private static final String HASH_PREFIX = "h1:";
    private static final Pattern TOTAL = Pattern.compile("^h1:[A-Za-z0-9+/]+=*$");
    private static final Pattern ENTRY = Pattern.compile("^(\\S+) (h1:[A-Za-z0-9+/]+=*)$");
    /** Git's conflict markers, including the base section of the diff3 conflict style. */
    private static final List<String> MERGE_MARKERS = List.of("<<<<<<<", "|||||||", "=======", ">>>>>>>");
    private static final String CONFLICT_REMEDY = "This is what two branches that both added migrations look like"
            + " after a merge. Check that the migrations of both branches are in the order they must run in: if one"
            + " branch's migration must run after the other's, move it to a fresh version with mvn rsx:new (create the"
            + " new file, move its SQL over, delete the old file). Then resolve the conflict by keeping both sides'"
            + " entries, and run mvn rsx:hash to record the merged directory.";

    private final Map<String, Entry> entries;
    private final List<IntegrityProblem> conflicts;

    /** A recorded migration: its hash and the line of {@code rsx.sum} that holds it. */
    private record Entry(String hash, int line) {}

    private IntegrityFile(Map<String, Entry> entries, List<IntegrityProblem> conflicts) {
        this.entries = entries;
        this.conflicts = conflicts;
    }

    /** Where the integrity file of {@code migrationsDir} is, whether it exists or not. */
    public static Path pathIn(Path migrationsDir) {
        return migrationsDir.resolve(NAME);
    }

    /**
     * Rewrites {@code rsx.sum} to record exactly {@code files}. The file is replaced in one move, so a crash never
     * leaves half of it; when the content would not change it is not written at all, so its modification time (which
     * build tools and IDEs watch) stays as it was.
     */
    public static void record(Path migrationsDir, List<MigrationFile> files) {
        byte[] content = format(files).getBytes(UTF_8);
        Path target = pathIn(migrationsDir);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return;
            }
            // A leading dot keeps a temporary file left by a crash out of MigrationDirectory.scan.
            Path temp = migrationsDir.resolve("." + NAME + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The {@code rsx.sum} of {@code migrationsDir}, or empty when there is none. */
    public static Optional<IntegrityFile> read(Path migrationsDir) {
        Path path = pathIn(migrationsDir);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(new String(Files.readAllBytes(path), UTF_8)));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Compares {@code files} (the migrations as {@link MigrationDirectory#scan} lists them) with the {@code rsx.sum}
     * of {@code migrationsDir}. A directory with migrations but no {@code rsx.sum} is one {@link Kind#MISSING}
     * problem; a directory with neither has none.
     */
    public static List<IntegrityProblem> check(Path migrationsDir, List<MigrationFile> files) {
        return check(migrationsDir, files, file -> hash(file.path()));
    }

    /**
     * As {@link #check(Path, List)} for the migrations of {@code changeLog}, from the digests it took when it read
     * them: at 10,000 migrations, reading and hashing every file again is most of a no-op run's own work.
     */
    public static List<IntegrityProblem> check(MigrationChangeLog changeLog) {
        Map<MigrationFile, String> sha256 = changeLog.sha256();
        return check(changeLog.directory(), changeLog.files(),
                file -> HASH_PREFIX + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256.get(file))));
    }

    private static List<IntegrityProblem> check(Path migrationsDir, List<MigrationFile> files,
            Function<MigrationFile, String> hashOf) {
        Optional<IntegrityFile> sum = read(migrationsDir);
        if (sum.isPresent()) {
            return sum.get().verify(files, hashOf);
        }
        if (files.isEmpty()) {
            return List.of();
        }
        return List.of(new IntegrityProblem(Kind.MISSING, null, 0, "The migrations directory " + migrationsDir + " has "
                + count(files.size()) + " but no " + NAME + ", so nothing shows which migrations were created"
                + " deliberately or whether they were edited since. Run mvn rsx:hash once to start recording them and"
                + " commit " + NAME + " with them (a new project gets it from its first mvn rsx:new)."));
    }

    /**
     * Every difference between this file and {@code files}: first the problems of the file itself (a conflict), then
     * the unrecorded and edited migrations in version order, then the entries whose file is gone. The migrations are
     * checked even when the file is in conflict, against the entries that could be read, so that one run shows
     * everything.
     */
    public List<IntegrityProblem> verify(List<MigrationFile> files) {
        return verify(files, file -> hash(file.path()));
    }

    private List<IntegrityProblem> verify(List<MigrationFile> files, Function<MigrationFile, String> hashOf) {
        List<IntegrityProblem> problems = new ArrayList<>(conflicts);
        Set<String> present = new HashSet<>();
        // Reading and hashing every file (unless the changelog's digests are given) is most of the work at 10,000 files.
        Map<String, String> hashes = PerFile.stream(files).filter(file -> entries.containsKey(file.fileName()))
                .collect(Collectors.toConcurrentMap(MigrationFile::fileName, hashOf));
        for (MigrationFile file : files.stream().sorted().toList()) {
            String name = file.fileName();
            present.add(name);
            Entry entry = entries.get(name);
            if (entry == null) {
                problems.add(new IntegrityProblem(Kind.UNRECORDED, name, 0, name + " is not in " + NAME + ": it was not"
                        + " created with mvn rsx:new (or was added without recording it). Create migrations with"
                        + " mvn rsx:new -Dname=<description>; if you added this one deliberately, run mvn rsx:hash to"
                        + " record it."));
            } else if (!entry.hash().equals(hashes.get(name))) {
                problems.add(new IntegrityProblem(Kind.EDITED, name, entry.line(), name + " was edited after it was"
                        + " recorded (" + NAME + " line " + entry.line() + " holds the hash of its earlier content). If"
                        + " it has not been applied to any database yet and the edit is intended, run mvn rsx:hash; if it"
                        + " has been applied, restore the recorded content and write the change as a new migration"
                        + " with mvn rsx:new."));
            }
        }
        entries.forEach((name, entry) -> {
            if (!present.contains(name)) {
                problems.add(new IntegrityProblem(Kind.REMOVED, name, entry.line(), name + " is recorded on " + NAME
                        + " line " + entry.line() + " but the file is gone. Restore it; if removing it is intended and"
                        + " it was never applied to any database, run mvn rsx:hash to drop it from " + NAME + "."));
            }
        });
        return List.copyOf(problems);
    }

    /** The content {@link #record} writes for {@code files}. */
    static String format(List<MigrationFile> files) {
        StringBuilder entries = new StringBuilder();
        for (MigrationFile file : files.stream().sorted().toList()) {
            entries.append(file.fileName()).append(' ').append(hash(file.path())).append('\n');
        }
        return hash(entries.toString()) + "\n" + entries;
    }

    /**
     * Reads whatever is there, collecting every sign of a merge or hand edit into one {@link Kind#CONFLICT}. Lines are
     * split on any line end, so a checkout that turned {@code \n} into {@code \r\n} still reads as written.
     */
    static IntegrityFile parse(String content) {
        List<String> lines = content.lines().toList();
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Integer> markers = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        int firstLine = Integer.MAX_VALUE;
        int firstDuplicate = Integer.MAX_VALUE;
        String total = null;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int line = i + 1;
            if (MERGE_MARKERS.stream().anyMatch(text::startsWith)) {
                markers.add(line);
                firstLine = Math.min(firstLine, line);
            } else if (line == 1 && TOTAL.matcher(text).matches()) {
                total = text;
            } else {
                body.append(text).append('\n');
                Matcher entry = ENTRY.matcher(text);
                if (entry.matches()) {
                    Entry previous = entries.putIfAbsent(entry.group(1), new Entry(entry.group(2), line));
                    if (previous != null) {
                        duplicates.add(entry.group(1) + " is listed twice (lines " + previous.line() + " and " + line
                                + ")");
                        firstDuplicate = Math.min(firstDuplicate, line);
                    }
                } else if (markers.isEmpty() || !TOTAL.matcher(text).matches()) {
                    // Inside conflict markers a bare total is the other branch's line 1, part of the conflict itself.
                    malformed.add("line " + line + " is not '<migration> h1:<hash>' but '" + text + "'");
                    firstLine = Math.min(firstLine, line);
                }
            }
        }
        List<String> evidence = new ArrayList<>();
        if (!markers.isEmpty()) {
            evidence.add("it has git merge conflict markers on lines " + joined(markers));
        } else if (total == null) {
            evidence.add("line 1 is not the total h1:<hash> of the lines after it");
            firstLine = 1;
        }
        evidence.addAll(malformed);
        // Both sides of a merge may list the same migration; without markers, only a hand edit repeats a line.
        if (markers.isEmpty() && !duplicates.isEmpty()) {
            evidence.addAll(duplicates);
            firstLine = Math.min(firstLine, firstDuplicate);
        }
        if (evidence.isEmpty() && !total.equals(hash(body.toString()))) {
            evidence.add("the total on line 1 does not match the lines after it");
            firstLine = 1;
        }
        List<IntegrityProblem> conflicts = evidence.isEmpty() ? List.of()
                : List.of(new IntegrityProblem(Kind.CONFLICT, null, firstLine, NAME + " was merged or edited by hand: "
                        + String.join("; ", evidence) + ". " + CONFLICT_REMEDY));
        return new IntegrityFile(entries, conflicts);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network and container file systems cannot rename atomically; replacing the file in one call is
            // still better than rewriting it in place.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Streams the file through the digest, so a large migration is never held in memory. */
    private static String hash(Path file) {
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(file);
                OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            in.transferTo(digest);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return HASH_PREFIX + Base64.getEncoder().encodeToString(sha256.digest());
    }

    private static String hash(String text) {
        return HASH_PREFIX + Base64.getEncoder().encodeToString(sha256().digest(text.getBytes(UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private static String count(int migrations) {
        return migrations + (migrations == 1 ? " migration" : " migrations");
    }

    private static String joined(List<Integer> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }
}
