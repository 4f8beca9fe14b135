package dev.rsx.maven;

import dev.rsx.constants.ConstantsOptions;
import dev.rsx.db.EarlyConnection;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrateResult;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.rules.CheckCache;
import dev.rsx.rules.RuleOptions;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.ManagedDatabase;
import dev.rsx.snapshot.SnapshotStrategy;
import dev.rsx.workflow.MigrateWorkflow;
import dev.rsx.workflow.Mode;
import dev.rsx.workflow.ModeDecision;
import dev.rsx.workflow.SchemaReadAhead;
import dev.rsx.workflow.SnapshotStrategies;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies every pending migration in version order; in development mode behind a snapshot that is restored when a
 * migration fails.
 *
 * @since 0.1.0
 */
@Mojo(name = "migrate", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class MigrateMojo extends AbstractRulesMojo {

    /** Project property set to the newest applied version after a successful run. */
    static final String CURRENT_VERSION_PROPERTY = "rsx.current";

    /**
     * {@code development} (snapshot first, restore on failure), {@code debug} or {@code production} (no snapshot).
     * Falls back to the environment variable {@code RSX_MODE}, then {@code RSX_MODE=} in the project's {@code .env};
     * without any, development for the embedded server and loopback hosts, production otherwise.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.mode")
    protected String mode;

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

    /**
     * Acknowledges every destructive change of the run at once (dropped tables and columns, TRUNCATE, unfiltered
     * UPDATE/DELETE, NOT NULL, narrowed types, renames). Debug and production mode otherwise stop before anything
     * runs unless each such statement carries a {@code -- rsx:allow-destructive <reason>} comment.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.allowDestructive", defaultValue = "false")
    protected boolean allowDestructive;

    /**
     * Where the report of every run goes: {@code migrate-<UTC time>.md} and {@code .json}, written whether the run
     * succeeds or fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.migrate.reportDir", defaultValue = "${project.build.directory}/rsx/reports")
    protected File reportDir;

    /**
     * Writes no migration report.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.migrate.report.skip", defaultValue = "false")
    protected boolean skipReport;

    /**
     * After a successful development-mode run, generates the constants class of {@code rsx:constants} (with its
     * {@code rsx.constants.*} parameters) and adds it to the compile sources.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.migrate.constants", defaultValue = "false")
    protected boolean generateConstants;

    /**
     * Source root of the constants class, as for {@code rsx:constants}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.constants.outputDir", defaultValue = "${project.build.directory}/generated-sources/rsx")
    protected File constantsOutputDir;

    /**
     * Package of the constants class, as for {@code rsx:constants}; defaults to the groupId plus {@code .db}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.constants.packageName")
    protected String constantsPackageName;

    /**
     * Name of the constants class, as for {@code rsx:constants}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.constants.className", defaultValue = ConstantsOptions.DEFAULT_CLASS_NAME)
    protected String constantsClassName;

    @Override
    protected String goal() {
        return "migrate";
    }

    @Override
    protected void run(EngineLog log) {
        // Checked before any database is opened: a bad class name fails at once.
        ConstantsOptions constants = generateConstants
                ? ConstantsStep.options(constantsOutputDir, constantsPackageName, constantsClassName, project) : null;
        DatabaseTarget target = target(log);
        // A report needs the schema as the run finds it, whether the run applies something or not.
        SchemaReadAhead schemaAhead = new SchemaReadAhead();
        try (EarlyConnection early = skipReport ? connectAhead(target) : connectAhead(target, schemaAhead::read)) {
            migrate(target, loadMigrations(log), constants, schemaAhead, log);
        }
    }

    private void migrate(DatabaseTarget target, MigrationChangeLog migrations, ConstantsOptions constants,
            SchemaReadAhead schemaAhead, EngineLog log) {
        try (ManagedDatabase database = ManagedDatabase.open(target, log)) {
            log.info("Database: " + database.description());
            boolean local = target instanceof DatabaseTarget.Embedded || database.connection().url().isLoopback();
            ModeDecision decision = ModeDecision.resolve(mode, System.getenv(), project.getBasedir().toPath(), local);
            SnapshotStrategy snapshots = snapshotStrategy(target, database, log);
            MigrateResult result = new MigrateWorkflow(log, skipReport ? null : reportDir.toPath(),
                    CheckCache.in(Path.of(project.getBuild().getDirectory(), "rsx", "checks")), schemaAhead).run(
                    new MigrateWorkflow.Settings(database.connection(), migrations,
                            new MigrateOptions(Duration.ofSeconds(lockTimeout)), skipNormalize ? null : normalizeOptions(),
                            new RuleOptions(disabledRuleIds(), allowDestructive), decision, snapshots,
                            !SnapshotStrategies.stopsTheServer(snapshots)));
            if (result.currentVersion() != null) {
                project.getProperties().setProperty(CURRENT_VERSION_PROPERTY, result.currentVersion());
            }
            if (constants != null && decision.mode() == Mode.DEVELOPMENT) {
                ConstantsStep.generate(database.connection(), constants, project, log);
            } else if (constants != null) {
                log.info("No constants generated: rsx.migrate.constants is for development mode; in " + decision.mode()
                        .label() + " mode use rsx:constants.");
            }
        }
    }
}
