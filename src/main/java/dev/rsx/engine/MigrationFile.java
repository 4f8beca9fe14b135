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

    /**
     * A file is its path; every other component is read from it. Written out because the record's generated methods
     * are bootstrapped through {@code java.lang.runtime.ObjectMethods} on first use (about 10 ms in a cold JVM) and
     * hash a {@code BigInteger} and a {@code Path} for every file put in a map while the goal's files are read.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationFile that && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public int compareTo(MigrationFile other) {
        return order.compareTo(other.order);
    }
}
