package dev.rsx.constants;

import java.nio.file.Path;

/**
 * What generating the constants class did.
 *
 * @param written false when the file already held exactly this class and was left untouched, modification time
 *     included, so an incremental build has nothing to recompile
 */
public record ConstantsResult(Path file, boolean written, int tables, int columns) {

    /** {@code Constants for 3 tables and 17 columns: target/generated-sources/rsx/com/example/db/Tables.java (written)}. */
    public String summary(Path baseDir) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return "Constants for " + count(tables, "table") + " and " + count(columns, "column") + ": " + shown + " ("
                + (written ? "written" : "unchanged") + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
