package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.fixtures.FixtureLoader;
import dev.rsx.server.ManagedDatabase;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Loads the test data of {@code src/test/fixtures/*.sql} in version order, in one transaction, then takes the
 * snapshot {@code fixtures} and installs the procedure {@code rsx_restore_fixtures()} that tests call to put that data
 * back. Runs on the database {@code rsx:start} started, or else on the configured one.
 *
 * @since 0.1.0
 */
@Mojo(name = "fixtures", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class FixturesMojo extends AbstractIntegrationTestMojo {

    /**
     * Directory of the {@code <version>_<description>.sql} fixture files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.fixturesDir", defaultValue = "${project.basedir}/src/test/fixtures")
    protected File fixturesDir;

    @Override
    protected String goal() {
        return "fixtures";
    }

    @Override
    protected void run(EngineLog log) {
        try (ManagedDatabase database = ManagedDatabase.open(target(log), log)) {
            log.info("Database: " + database.description());
            new FixtureLoader(log).load(database.connection(), fixturesDir.toPath());
        }
    }
}
