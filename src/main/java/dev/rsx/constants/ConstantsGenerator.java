package dev.rsx.constants;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.schema.SchemaInventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Writes the constants class of a schema (see {@link ConstantsSource}), and only when its content changed: an
 * untouched file keeps its modification time, so the compiler's incremental build has nothing to do.
 */
public final class ConstantsGenerator {

    private ConstantsGenerator() {}

    /** Reads the tables of the connection's database and generates their constants class. */
    public static ConstantsResult generate(ConnectionSettings connection, ConstantsOptions options) {
        SchemaInventory schema;
        try (Connection c = DatabaseConnector.open(connection)) {
            schema = SchemaInventory.read(c);
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read the tables of database " + connection.database() + " on "
                    + connection.url().hostAndPort() + " to generate constants: " + e.getMessage(), e);
        }
        return generate(schema, options);
    }

    public static ConstantsResult generate(SchemaInventory schema, ConstantsOptions options) {
        byte[] content = ConstantsSource.render(schema, options.packageName(), options.className())
                .getBytes(StandardCharsets.US_ASCII);
        Path file = options.sourceFile();
        boolean written = writeIfChanged(file, content);
        int columns = schema.tables().stream().mapToInt(t -> t.columns().size()).sum();
        return new ConstantsResult(file, written, schema.tables().size(), columns);
    }

    private static boolean writeIfChanged(Path file, byte[] content) {
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            Files.createDirectories(file.getParent());
            // Written beside it and moved over it: an IDE or a concurrent build reading the file sees the old class or
            // the new one, never half of one.
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(partial, content);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return true;
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write the constants class " + file + ": " + e.getMessage(), e);
        }
    }
}
