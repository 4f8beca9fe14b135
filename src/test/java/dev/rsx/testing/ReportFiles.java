package dev.rsx.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The migration reports a test's runs wrote. */
public final class ReportFiles {

    private ReportFiles() {}

    /** The one file of {@code directory} whose name ends with {@code extension}; fails when there are more or none. */
    public static Path only(Path directory, String extension) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(extension)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }
}
