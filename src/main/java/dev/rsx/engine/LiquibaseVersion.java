package dev.rsx.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of the Liquibase Core the plugin carries, which it records in every tracking row it writes and keys its
 * remembered Liquibase results with. Read from the library's own build properties, as Liquibase reads it: asking
 * Liquibase ({@code LiquibaseUtil.getBuildVersion()}) would start it, about 0.1 s in a cold JVM.
 */
final class LiquibaseVersion {

    static final String VALUE = read();

    private LiquibaseVersion() {}

    private static String read() {
        try (InputStream in = LiquibaseVersion.class.getClassLoader().getResourceAsStream("liquibase.build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
