package dev.rsx.server;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.engine.EnvironmentException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How tests learn where their database is: {@code rsx.jdbc.url}, {@code rsx.jdbc.username} and
 * {@code rsx.jdbc.password}, as project properties for failsafe's {@code systemPropertyVariables} and in a properties
 * file for anything else.
 */
public final class ConnectionProperties {

    public static final String URL = "rsx.jdbc.url";
    public static final String USERNAME = "rsx.jdbc.username";
    public static final String PASSWORD = "rsx.jdbc.password";

    private ConnectionProperties() {}

    public static Map<String, String> of(ConnectionSettings connection) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(URL, connection.url().url());
        properties.put(USERNAME, connection.username());
        properties.put(PASSWORD, connection.password());
        return properties;
    }

    /** Writes the properties to {@code file}, readable by its owner only where the file system allows it: it holds a password. */
    public static void write(Path file, ConnectionSettings connection) {
        Properties properties = new Properties();
        properties.putAll(of(connection));
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "The database rsx:start started for this build's integration tests");
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
