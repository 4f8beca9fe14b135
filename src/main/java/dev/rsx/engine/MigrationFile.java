package dev.rsx.engine;

import java.math.BigInteger;
import java.nio.file.Path;

/**
 * One file in the migrations directory: {@code <version>_<description>.sql}.
 *
 * @param version the leading digits as written ({@code 001}, {@code 20251121093000}); the changeset id
 * @param order the version as a number, which is what migrations are sorted by
 * @param description the words after the version, as written ({@code create_products_table})
 * @param path where the file is on disk
 * @param formattedChangelog true when the first line is {@code --liquibase formatted sql}
 */
public record MigrationFile(String version, BigInteger order, String description, Path path, boolean formattedChangelog)
        implements Comparable<MigrationFile> {

    /** The file name alone, which is also the changeset's logical path: the same on every machine. */
    public String fileName() {
        return path.getFileName().toString();
    }

    @Override
    public int compareTo(MigrationFile other) {
        return order.compareTo(other.order);
    }
}
