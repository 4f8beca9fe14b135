package dev.rsx.maven;

import dev.rsx.db.EarlyConnection;
import dev.rsx.engine.ChecksumCache;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.StatementCache;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.ThrowawayDatabase;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Consumer;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Goals that work on a database: where the migrations are, which server, which credentials. With no URL
 * configured the goal runs on the embedded MariaDB, so a new user needs nothing installed.
 */
public abstract class AbstractDatabaseMojo extends AbstractRsxMojo {

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

    /**
     * The database this goal runs on: the one {@code rsx:start} started earlier in this build, if it did, so the
     * integration-test binding needs no configuration; otherwise {@link #configuredTarget}.
     */
    protected DatabaseTarget target(EngineLog log) {
        Optional<ThrowawayDatabase> started = BuildDatabase.started(getPluginContext());
        if (started.isPresent()) {
            return new DatabaseTarget.External(started.get().connection());
        }
        return configuredTarget(log);
    }

    /** A goal that would use the database rsx:start started does not run when that start was skipped. */
    @Override
    protected String skipReason() {
        return BuildDatabase.startSkipped(getPluginContext()) ? "rsx:start was skipped in this build, so there is no test"
                + " database" : null;
    }

    /** The database the parameters and the environment name. */
    protected DatabaseTarget configuredTarget(EngineLog log) {
        return new DatabaseParameters(url, username, password, serverId, database, embeddedDataDir, embeddedBinariesDir,
                settings, settingsDecrypter).target(project.getArtifactId(), log);
    }

    /**
     * Starts connecting to an external target while the goal reads its files (see {@link EarlyConnection}); null for
     * the embedded target, whose server is started later.
     */
    protected static EarlyConnection connectAhead(DatabaseTarget target) {
        return connectAhead(target, connection -> { });
    }

    /** As {@link #connectAhead(DatabaseTarget)}, with a first read on the connection (see {@link EarlyConnection}). */
    protected static EarlyConnection connectAhead(DatabaseTarget target, Consumer<Connection> firstRead) {
        return target instanceof DatabaseTarget.External external
                ? EarlyConnection.open(external.settings(), firstRead) : null;
    }

    /**
     * The migrations of {@link #migrationsDir}, with the checksums and statement splits earlier runs of this project
     * computed (kept in the build directory: they let a run that finds nothing pending skip Liquibase's start-up, and
     * a run that applies them again skip Liquibase's split).
     */
    protected MigrationChangeLog loadMigrations(EngineLog log) {
        return MigrationChangeLog.load(migrationsDir.toPath(), log,
                ChecksumCache.in(Path.of(project.getBuild().getDirectory(), "rsx", "checksums")),
                StatementCache.in(Path.of(project.getBuild().getDirectory(), "rsx", "statements")));
    }
}
