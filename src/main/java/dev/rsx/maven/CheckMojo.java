package dev.rsx.maven;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.report.CheckReport;
import dev.rsx.report.ConsoleReport;
import dev.rsx.report.JsonCheckReport;
import dev.rsx.report.SarifReport;
import dev.rsx.rules.RuleOptions;
import dev.rsx.rules.RulePolicy;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.workflow.CheckWorkflow;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the migrations against the rules, applies them from empty to a scratch database and checks the schema
 * they build, and compares them with the live database when one is configured; for CI's {@code verify} phase.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRulesMojo {

    /**
     * Skips rsx:check only (rsx.skip skips every goal).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.check.skip", defaultValue = "false")
    protected boolean skipCheck;

    /**
     * Fails the build on warnings too (destructive changes, statements the parser could not read, vague names).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.check.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /**
     * A server to build the scratch database on (a new schema, dropped afterwards), with the credentials of
     * rsx.username / rsx.serverId. Without it, a fresh embedded MariaDB is used.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.check.url")
    protected String checkUrl;

    /**
     * Skips step 2, applying the migrations to a scratch database; the static rules and drift still run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.check.devDatabase.skip", defaultValue = "false")
    protected boolean skipDevDatabase;

    /**
     * Where check.json and check.sarif are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.check.reportDir", defaultValue = "${project.build.directory}/rsx")
    protected File reportDir;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Override
    protected String goal() {
        return "check";
    }

    /** rsx:check works on a scratch database of its own and the configured one, never on rsx:start's. */
    @Override
    protected String skipReason() {
        return skipCheck ? "rsx.check.skip is true" : null;
    }

    @Override
    protected void run(EngineLog log) {
        RulePolicy policy = new RuleOptions(disabledRuleIds(), false).policy(true);
        CheckWorkflow.Settings settings = new CheckWorkflow.Settings(migrationsDir.toPath(), policy, devDatabase(),
                normalizeOptions(), liveDatabase());
        CheckWorkflow.Outcome outcome = new CheckWorkflow(log).run(settings);
        String summary = ConsoleReport.log(outcome.result(), policy, log);
        log.info("rsx:check: " + summary + ".");
        Path base = project.getBasedir().toPath();
        CheckReport report = new CheckReport(pluginVersion, outcome.startedAt(), outcome.elapsed(), base,
                CheckReport.relative(base, migrationsDir.toPath()), outcome.result(), policy, outcome.steps());
        Path json = reportDir.toPath().resolve("check.json");
        Path sarif = reportDir.toPath().resolve("check.sarif");
        JsonCheckReport.write(report, json);
        SarifReport.write(report, sarif);
        log.info("Reports: " + base.relativize(json.toAbsolutePath()) + ", " + base.relativize(sarif.toAbsolutePath()));
        CheckWorkflow.requirePassed(outcome, policy, failOnWarning, summary);
    }

    private CheckWorkflow.DevDatabase devDatabase() {
        if (skipDevDatabase) {
            return null;
        }
        ConnectionSettings server = null;
        if (checkUrl != null && !checkUrl.isBlank()) {
            Credentials credentials = Credentials.resolve(username, password, serverId, settings, settingsDecrypter, System.getenv());
            server = new ConnectionSettings(JdbcUrl.parse(checkUrl), credentials.username(), credentials.password());
        }
        return new CheckWorkflow.DevDatabase(embeddedBinariesDir.toPath(), reportDir.toPath().resolve("check-db"), server);
    }

    /** The configured database, when it is a server of the user's: the embedded development database has no drift to report. */
    private ConnectionSettings liveDatabase() {
        return configuredTarget(EngineLog.silent()) instanceof DatabaseTarget.External external ? external.settings() : null;
    }
}
