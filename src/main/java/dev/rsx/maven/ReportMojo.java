package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.RsxException;
import dev.rsx.report.CheckJsonReader;
import dev.rsx.report.LatestCheck;
import dev.rsx.report.MigrationOverview;
import dev.rsx.server.DatabaseTarget;
import java.io.File;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Adds a page to the Maven site with every migration's state, as rsx:status shows it, and the latest rsx:check results.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

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

    // A report extends Maven's report base class, not AbstractDatabaseMojo, and Maven does not inherit parameters
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

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Inject
    protected SettingsDecrypter settingsDecrypter;

    @Override
    public String getOutputPath() {
        return "rsx-report";
    }

    /** @deprecated the reporting API 4 reads {@link #getOutputPath()}, but still declares this method abstract. */
    @Deprecated
    @Override
    public String getOutputName() {
        return getOutputPath();
    }

    @Override
    public String getName(Locale locale) {
        return "RSX Migrate";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The state of every database migration and the latest rsx:check results.";
    }

    /** Nothing to show in a project with neither migrations nor check results: the site gets no empty page. */
    @Override
    public boolean canGenerateReport() {
        return !skip && (migrationsDir.isDirectory() || checkReport.isFile());
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        EngineLog log = new MavenEngineLog(getLog());
        try {
            DatabaseTarget target = new DatabaseParameters(url, username, password, serverId, database, embeddedDataDir,
                    embeddedBinariesDir, settings, settingsDecrypter).target(project.getArtifactId(), log);
            MigrationOverview migrations = MigrationOverview.read(migrationsDir.toPath(), target, log);
            LatestCheck check = CheckJsonReader.read(checkReport.toPath());
            new SiteReportRenderer(getSink(), project.getBasedir().toPath())
                    .render(getName(locale), getDescription(locale), migrations, check);
            log.info(migrations.summary());
        } catch (RsxException e) {
            // As in AbstractRsxMojo: the plugin's sentence is the message, the engine's exception stays for -e.
            MavenReportException failure = new MavenReportException(e.getMessage());
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
