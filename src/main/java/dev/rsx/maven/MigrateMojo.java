package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrateResult;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.normalize.NormalizationReport;
import dev.rsx.normalize.SchemaNormalizer;
import dev.rsx.server.ManagedDatabase;
import java.time.Duration;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies every pending migration in version order, after checking that no applied migration changed.
 *
 * @since 0.1.0
 */
@Mojo(name = "migrate", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class MigrateMojo extends AbstractNormalizingMojo {

    /** Project property set to the newest applied version after a successful run. */
    static final String CURRENT_VERSION_PROPERTY = "rsx.current";

    /**
     * Seconds to wait for another migration run on the same database to finish before giving up.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.lockTimeout", defaultValue = "300")
    protected int lockTimeout;

    /**
     * Skips the schema normalization that follows every migration run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.normalize.skip", defaultValue = "false")
    protected boolean skipNormalize;

    @Override
    protected String goal() {
        return "migrate";
    }

    @Override
    protected void run(EngineLog log) {
        MigrationChangeLog migrations = MigrationChangeLog.load(migrationsDir.toPath(), log);
        try (ManagedDatabase database = ManagedDatabase.open(target(log), log)) {
            log.info("Database: " + database.description());
            MigrateResult result = new MigrationEngine(log).migrate(database.connection(), migrations,
                    new MigrateOptions(Duration.ofSeconds(lockTimeout)));
            String version = result.currentVersion() == null ? "none" : result.currentVersion();
            if (result.nothingToMigrate()) {
                log.info("Nothing to migrate: the database is at version " + version + ".");
            } else {
                log.info(String.format("Applied %d migration%s in %.1f s; the database is at version %s.",
                        result.applied().size(), result.applied().size() == 1 ? "" : "s",
                        result.elapsed().toMillis() / 1000.0, version));
            }
            if (result.currentVersion() != null) {
                project.getProperties().setProperty(CURRENT_VERSION_PROPERTY, result.currentVersion());
            }
            if (skipNormalize) {
                log.info("Schema normalization skipped (rsx.normalize.skip is true).");
            } else {
                NormalizationReport.log(new SchemaNormalizer(log).normalize(database.connection(), normalizeOptions()), log);
            }
        }
    }
}
