package dev.rsx.engine;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the migrations directory and refuses anything that is not a correctly named raw-SQL migration, except the
 * integrity file {@value #INTEGRITY_FILE}. All problems are collected and reported together, so one run shows
 * everything to fix.
 */
public final class MigrationDirectory {

    /**
     * The integrity file, kept among the migrations so that it is committed and merged with them. It is defined here,
     * not in {@code dev.rsx.integrity} which reads and writes it, because the engine must not depend on that package.
     */
    public static final String INTEGRITY_FILE = "rsx.sum";
    static final String FORMATTED_SQL_HEADER = "--liquibase formatted sql";
    private static final Pattern FILE_NAME = Pattern.compile("^(\\d+)_([A-Za-z0-9][A-Za-z0-9_]*)\\.sql$");

    private MigrationDirectory() {}

    /** A file of the migrations directory that is not a usable migration. */
    public record Problem(Kind kind, String fileName, String message) {

        public enum Kind { NOT_SQL, BAD_NAME, DUPLICATE_VERSION }
    }

    /**
     * The usable migrations of a directory, ordered by version, and what is wrong with the other files.
     *
     * @param bytes each migration's content as read while listing it: every later step works from this one read
     */
    public record Contents(List<MigrationFile> migrations, List<Problem> problems, Map<MigrationFile, byte[]> bytes) {}

    /**
     * Lists the migrations in {@code directory}, ordered by version. A missing directory holds no migrations.
     *
     * @throws ProjectException naming every file that is not raw SQL, is badly named, or shares a version
     */
    public static List<MigrationFile> scan(Path directory) {
        return read(directory).migrations();
    }

    /**
     * As {@link #scan}, with the files' contents.
     *
     * @throws ProjectException naming every file that is not raw SQL, is badly named, or shares a version
     */
    static Contents read(Path directory) {
        Contents contents = inspect(directory);
        List<Problem> problems = contents.problems();
        if (!problems.isEmpty()) {
            throw new ProjectException("The migrations directory " + directory + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ":\n  - "
                    + String.join("\n  - ", problems.stream().map(Problem::message).toList()));
        }
        return contents;
    }

    /** Reads {@code directory} without refusing anything: for a check that reports every problem with its rule. */
    public static Contents inspect(Path directory) {
        if (!Files.isDirectory(directory)) {
            return new Contents(List.of(), List.of(), Map.of());
        }
        // The names in one call, filtered and sorted as strings: a Path per entry, iterated and compared, made listing
        // 10,000 migrations three times slower in a fresh JVM.
        String[] names = directory.toFile().list();
        if (names == null) {
            throw new EnvironmentException("Cannot list the migrations directory " + directory + ": check that it is"
                    + " readable.");
        }
        List<Path> entries = Arrays.stream(names)
                .filter(name -> !name.startsWith(".") && !name.equals(INTEGRITY_FILE))
                .sorted()
                .map(directory::resolve)
                .toList();
        List<Problem> problems = new ArrayList<>();
        List<MigrationFile> migrations = new ArrayList<>();
        Map<BigInteger, MigrationFile> byVersion = new HashMap<>();
        // Reading the files is what listing 10,000 migrations costs: once (the header tells a formatted changelog, and
        // the caller gets the bytes for the changelog and the checksums). Only a failed read asks whether a migration's
        // name is a file at all: a question per file costs as much again as reading the small ones.
        Map<Path, Optional<byte[]>> read = PerFile.stream(entries)
                .filter(entry -> FILE_NAME.matcher(entry.getFileName().toString()).matches())
                .collect(Collectors.toConcurrentMap(entry -> entry, MigrationDirectory::readIfFile));
        Map<MigrationFile, byte[]> bytes = new HashMap<>();
        for (Path entry : entries) {
            Optional<byte[]> content = read.get(entry);
            if (content == null ? !Files.isRegularFile(entry) : content.isEmpty()) {
                continue; // a directory or a dangling link
            }
            String name = entry.getFileName().toString();
            if (!name.toLowerCase().endsWith(".sql")) {
                problems.add(new Problem(Problem.Kind.NOT_SQL, name, name + ": only raw SQL migrations (.sql) are allowed;"
                        + " Liquibase XML/YAML/JSON changelogs and change types are not. Rewrite it as plain SQL statements"
                        + " in a .sql file (mvn rsx:new)."));
                continue;
            }
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                problems.add(new Problem(Problem.Kind.BAD_NAME, name, name + ": the name must be <version>_<description>.sql,"
                        + " e.g. 20251121093000_create_products_table.sql or 001_create_users_table.sql. Create migrations"
                        + " with mvn rsx:new -Dname=<description>."));
                continue;
            }
            MigrationFile file = new MigrationFile(m.group(1), new BigInteger(m.group(1)), m.group(2), entry,
                    startsWithFormattedHeader(content.get()));
            MigrationFile clash = byVersion.putIfAbsent(file.order(), file);
            if (clash != null) {
                problems.add(new Problem(Problem.Kind.DUPLICATE_VERSION, name, "Duplicate version " + file.version() + ": "
                        + clash.fileName() + " and " + name + ". Every migration needs its own version; rename the newer"
                        + " one with a new version (mvn rsx:new gives a fresh timestamp)."));
                continue;
            }
            migrations.add(file);
            bytes.put(file, content.get());
        }
        migrations.sort(null);
        return new Contents(List.copyOf(migrations), List.copyOf(problems), Map.copyOf(bytes));
    }

    /** Whether the first line is {@value #FORMATTED_SQL_HEADER}, spaces and case aside. */
    private static boolean startsWithFormattedHeader(byte[] content) {
        int end = 0;
        while (end < content.length && content[end] != '\n') {
            end++;
        }
        String first = new String(content, 0, end, StandardCharsets.UTF_8);
        return first.strip().replace(" ", "").toLowerCase().startsWith(FORMATTED_SQL_HEADER.replace(" ", ""));
    }

    /** The file's content; empty when {@code path} is not a regular file. */
    private static Optional<byte[]> readIfFile(Path path) {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            throw new EnvironmentException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
