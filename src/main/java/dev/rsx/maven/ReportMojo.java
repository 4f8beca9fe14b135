package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.ProjectException;
import dev.rsx.engine.RsxException;
import dev.rsx.report.CheckJsonReader;
import dev.rsx.report.LatestCheck;
import dev.rsx.report.MigrationOverview;
import dev.rsx.server.DatabaseTarget;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Adds a page to the Maven site with every migration's state, as rsx:status shows it, and the latest rsx:check results.
 *
 * @since 0.1.0
 */
// Maven's report interface rather than the reporting library's base class: that class needs the site renderer's
// components, which Maven would wire before every goal of the plugin (ADR 20).
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {

    private static final String OUTPUT_NAME = "rsx-report";

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The check.json rsx:check wrote; its summary and findings become the report's "Latest check" section.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.report.checkReport", defaultValue = "${project.build.directory}/rsx/check.json")
    protected File checkReport;

    // A report implements Maven's report interface, not AbstractDatabaseMojo, and Maven does not inherit parameters
    // across unrelated classes: the database parameters are declared again, with the same properties and defaults, and
    // DatabaseParameters resolves them for both.

    /**
     * Directory of the {@code <version>_<description>.sql} migrations.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.migrationsDir", defaultValue = "${project.basedir}/src/main/resources/db/migrations")
    protected File migrationsDir;

    /**
     * JDBC URL of the database ({@code jdbc:mysql://host:3306/app}). Falls back to the environment variable
     * {@code RSX_DB_URL}; with neither, the goal runs on the embedded MariaDB.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.url")
    protected String url;

    /**
     * Database user. Falls back to the {@code <server>} of {@link #serverId}, then {@code RSX_DB_USER}, then root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.username")
    protected String username;

    /**
     * Database password; never printed. Prefer {@link #serverId} or {@code RSX_DB_PASSWORD} over a password in a POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.password")
    protected String password;

    /**
     * Id of a {@code <server>} in settings.xml holding the user name and (possibly encrypted) password.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.serverId")
    protected String serverId;

    /**
     * Database (schema) name on the embedded MariaDB; created when missing. Defaults to the artifactId made
     * SQL-safe ({@code my-shop} becomes {@code my_shop}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.database")
    protected String database;

    /**
     * Data directory of the embedded MariaDB. It persists between runs, so the development database does too; add
     * {@code .rsx/} to {@code .gitignore}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.embedded.dataDir", defaultValue = "${project.basedir}/.rsx/mariadb")
    protected File embeddedDataDir;

    /**
     * Where the embedded MariaDB binaries are unpacked once per version and reused by every project.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.embedded.binariesDir", defaultValue = "${user.home}/.rsx/binaries")
    protected File embeddedBinariesDir;

    /**
     * Where the page goes when the goal runs on its own; in {@code mvn site} the site plugin decides.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.report.outputDirectory", defaultValue = "${project.build.directory}/reports")
    protected File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Inject
    protected SettingsDecrypter settingsDecrypter;

    /** {@code mvn rsx:report}: the page alone, without the site's skin. */
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!canGenerateReport()) {
            getLog().info("Skipping rsx:report: " + (skip ? "rsx.skip is true." : "no migrations in " + migrationsDir
                    + " and no rsx:check results in " + checkReport + "."));
            return;
        }
        File page = new File(outputDirectory, OUTPUT_NAME + ".html");
        try {
            Sink sink = new Xhtml5SinkFactory().createSink(outputDirectory, page.getName(), "UTF-8");
            try {
                render(sink, Locale.getDefault());
            } finally {
                sink.close();
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + page + ": " + e.getMessage(), e);
        } catch (ProjectException e) {
            throw AbstractRsxMojo.withDetails(new MojoFailureException(e.getMessage()), e);
        } catch (EnvironmentException e) {
            throw AbstractRsxMojo.withDetails(new MojoExecutionException(e.getMessage()), e);
        }
        getLog().info("RSX Migrate report: " + page);
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "RSX Migrate";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The state of every database migration and the latest rsx:check results.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    /** Nothing to show in a project with neither migrations nor check results: the site gets no empty page. */
    @Override
    public boolean canGenerateReport() {
        return !skip && (migrationsDir.isDirectory() || checkReport.isFile());
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            render(sink, locale);
        } catch (RsxException e) {
            // As in AbstractRsxMojo: the plugin's sentence is the message, the engine's exception stays for -e.
            MavenReportException failure = new MavenReportException(e.getMessage());
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private void render(Sink sink, Locale locale) {
        EngineLog log = new MavenEngineLog(getLog());
        DatabaseTarget target = new DatabaseParameters(url, username, password, serverId, database, embeddedDataDir,
                embeddedBinariesDir, settings, settingsDecrypter).target(project.getArtifactId(), log);
        MigrationOverview migrations = MigrationOverview.read(migrationsDir.toPath(), target, log);
        LatestCheck check = CheckJsonReader.read(checkReport.toPath());
        new SiteReportRenderer(sink, project.getBasedir().toPath())
                .render(getName(locale), getDescription(locale), migrations, check);
        log.info(migrations.summary());
    }
}
