package dev.rsx.engine;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a new migration file from a raw-SQL template. Versions are UTC timestamps ({@code yyyyMMddHHmmss}), so
 * developers in different time zones never interleave; a directory already numbered sequentially ({@code 001},
 * {@code 002}, as in seed 003) gets the next number instead.
 */
public final class NewMigration {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int TIMESTAMP_LENGTH = 14;
    private static final Pattern CREATE_TABLE = Pattern.compile("^create_([a-z0-9_]+?)(?:_table)?$");

    private NewMigration() {}

    /** Creates {@code <version>_<name>.sql} in {@code directory} and returns its path. */
    public static Path create(Path directory, String name, Clock clock) {
        List<MigrationFile> existing = MigrationDirectory.scan(directory);
        MigrationName.requireValid(name, existing);
        String version = nextVersion(existing, clock);
        Path file = directory.resolve(version + "_" + name + ".sql");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, template(name, LocalDateTime.now(clock)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    static String nextVersion(List<MigrationFile> existing, Clock clock) {
        boolean sequential = !existing.isEmpty()
                && existing.stream().allMatch(m -> m.version().length() < TIMESTAMP_LENGTH);
        BigInteger newest = existing.stream().map(MigrationFile::order).max(BigInteger::compareTo).orElse(BigInteger.ZERO);
        if (sequential) {
            int width = existing.get(existing.size() - 1).version().length();
            return String.format("%0" + width + "d", newest.add(BigInteger.ONE));
        }
        BigInteger now = new BigInteger(LocalDateTime.now(clock).format(TIMESTAMP));
        // Two migrations created within the same second still get distinct, ordered versions.
        return (now.compareTo(newest) > 0 ? now : newest.add(BigInteger.ONE)).toString();
    }

    static String template(String name, LocalDateTime createdAt) {
        String header = "-- " + name.replace('_', ' ') + "\n"
                + "-- Created " + createdAt.withNano(0) + " UTC by mvn rsx:new. Raw SQL only; runs forward only.\n"
                + "-- Every table needs: id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY\n\n";
        Matcher create = CREATE_TABLE.matcher(name);
        if (create.matches()) {
            return header + "CREATE TABLE " + create.group(1) + " (\n"
                    + "    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
                    + "    name VARCHAR(255) NOT NULL\n"
                    + ");\n";
        }
        return header + "-- Write the statements of this migration, each ending with a semicolon, e.g.:\n"
                + "-- ALTER TABLE orders ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new';\n"
                + "-- CREATE INDEX idx_orders_status ON orders (status);\n";
    }
}
