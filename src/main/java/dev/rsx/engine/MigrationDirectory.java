package dev.rsx.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the migrations directory and refuses anything that is not a correctly named raw-SQL migration.
 * All problems are collected and reported together, so one run shows everything to fix.
 */
public final class MigrationDirectory {

    static final String FORMATTED_SQL_HEADER = "--liquibase formatted sql";
    private static final Pattern FILE_NAME = Pattern.compile("^(\\d+)_([A-Za-z0-9][A-Za-z0-9_]*)\\.sql$");

    private MigrationDirectory() {}

    /**
     * Lists the migrations in {@code directory}, ordered by version. A missing directory holds no migrations.
     *
     * @throws ProjectException naming every file that is not raw SQL, is badly named, or shares a version
     */
    public static List<MigrationFile> scan(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(directory)) {
            entries = list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list the migrations directory " + directory + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<MigrationFile> migrations = new ArrayList<>();
        Map<BigInteger, MigrationFile> byVersion = new HashMap<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!name.toLowerCase().endsWith(".sql")) {
                problems.add(name + ": only raw SQL migrations (.sql) are allowed; Liquibase XML/YAML/JSON changelogs"
                        + " and change types are not. Rewrite it as plain SQL statements in a .sql file (mvn rsx:new).");
                continue;
            }
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                problems.add(name + ": the name must be <version>_<description>.sql, e.g. 20251121093000_create_products_table.sql"
                        + " or 001_create_users_table.sql. Create migrations with mvn rsx:new -Dname=<description>.");
                continue;
            }
            MigrationFile file = new MigrationFile(m.group(1), new BigInteger(m.group(1)), m.group(2), entry,
                    startsWithFormattedHeader(entry));
            MigrationFile clash = byVersion.putIfAbsent(file.order(), file);
            if (clash != null) {
                problems.add("Duplicate version " + file.version() + ": " + clash.fileName() + " and " + name
                        + ". Every migration needs its own version; rename the newer one with a new version (mvn rsx:new"
                        + " gives a fresh timestamp).");
                continue;
            }
            migrations.add(file);
        }
        if (!problems.isEmpty()) {
            throw new ProjectException("The migrations directory " + directory + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ":\n  - " + String.join("\n  - ", problems));
        }
        migrations.sort(null);
        return List.copyOf(migrations);
    }

    private static boolean startsWithFormattedHeader(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && first.strip().replace(" ", "").toLowerCase()
                    .startsWith(FORMATTED_SQL_HEADER.replace(" ", ""));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
