package dev.rsx.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** The integration-test fixture goals, which skip whenever failsafe would skip the tests they serve. */
public abstract class AbstractIntegrationTestMojo extends AbstractDatabaseMojo {

    /**
     * Skips the goal, as it skips failsafe's integration tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipITs", defaultValue = "false")
    protected boolean skipITs;

    /**
     * Skips the goal, as it skips all tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    protected boolean skipTests;

    /**
     * Skips the goal, as it skips compiling and running all tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    protected boolean mavenTestSkip;

    @Override
    protected String skipReason() {
        if (skipITs) {
            return "skipITs is true";
        }
        if (skipTests) {
            return "skipTests is true";
        }
        if (mavenTestSkip) {
            return "maven.test.skip is true";
        }
        return super.skipReason();
    }
}
