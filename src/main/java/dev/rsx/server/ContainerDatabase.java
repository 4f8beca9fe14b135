package dev.rsx.server;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A MySQL server in a Docker container, for integration tests that must run on MySQL itself. Testcontainers removes
 * the container when the build's JVM dies, however it dies.
 */
public final class ContainerDatabase {

    /** MySQL's current long-term-support line. */
    public static final String DEFAULT_IMAGE = "mysql:8.4";

    private ContainerDatabase() {}

    /** Starts {@code image} with an empty database named {@code database}, root as its user. */
    public static ThrowawayDatabase start(String image, String database, EngineLog log) {
        if (!dockerAvailable()) {
            throw new EnvironmentException("rsx.provider=testcontainers needs a running Docker engine, and none answers"
                    + " here. Use rsx.provider=embedded (the default): an embedded MariaDB that needs nothing but a JDK."
                    + " Or start Docker (DOCKER_HOST, ~/.testcontainers.properties) and run again.");
        }
        long started = System.nanoTime();
        MySQLContainer<?> container;
        try {
            container = new MySQLContainer<>(DockerImageName.parse(image).asCompatibleSubstituteFor("mysql"))
                    .withDatabaseName(database)
                    .withUsername("root")
                    .withPassword("rsx")
                    .withStartupTimeout(Duration.ofMinutes(3));
            container.start();
        } catch (RuntimeException e) {
            throw new EnvironmentException("Cannot start the container " + image + ": " + e.getMessage()
                    + ". Check that the image exists and Docker can pull it, or use rsx.provider=embedded.", e);
        }
        log.debug("Container " + image + " started in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms.");
        ConnectionSettings connection = new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://" + container.getHost() + ":"
                + container.getMappedPort(MySQLContainer.MYSQL_PORT) + "/" + database), "root", "rsx");
        return ThrowawayDatabase.inContainer(connection, image + " in a container, database " + database, container::stop);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
