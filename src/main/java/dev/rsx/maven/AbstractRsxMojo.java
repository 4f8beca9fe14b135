package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.ProjectException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the skip flag, the log bridge, and the mapping of engine failures to Maven's two kinds
 * ({@link MojoFailureException} when the project is wrong, {@link MojoExecutionException} when the environment is).
 */
public abstract class AbstractRsxMojo extends AbstractMojo {

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping rsx:" + goal() + " (rsx.skip is true).");
            return;
        }
        String reason = skipReason();
        if (reason != null) {
            getLog().info("Skipping rsx:" + goal() + " (" + reason + ").");
            return;
        }
        try {
            run(new MavenEngineLog(getLog()));
        } catch (ProjectException e) {
            throw withDetails(new MojoFailureException(e.getMessage()), e);
        } catch (EnvironmentException e) {
            throw withDetails(new MojoExecutionException(e.getMessage()), e);
        }
    }

    /**
     * Maven appends the message of every cause to the one it prints, which would add the driver's or Liquibase's raw
     * text after the plugin's explanation. The engine's exception is attached as suppressed instead: {@code -e} still
     * shows the whole chain.
     */
    static <T extends Exception> T withDetails(T mojoException, Exception engineException) {
        mojoException.addSuppressed(engineException);
        return mojoException;
    }

    /** Why this run of the goal is skipped besides {@code rsx.skip}; null when it runs. */
    protected String skipReason() {
        return null;
    }

    /** The goal's name as users type it after {@code rsx:}. */
    protected abstract String goal();

    protected abstract void run(EngineLog log);
}
