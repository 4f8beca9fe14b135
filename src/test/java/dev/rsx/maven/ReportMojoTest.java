package dev.rsx.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.report.CheckReport;
import dev.rsx.report.JsonCheckReport;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.RulePolicy;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.TestDatabases;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.AbstractMavenReport;
import org.junit.jupiter.api.Test;

/** rsx:report as maven-site-plugin drives it: asked whether it can run, then handed a sink. */
class ReportMojoTest {

    private final CapturingMavenLog log = new CapturingMavenLog();
    private final Path projectDir = TestDatabases.work().resolve("report-mojo-" + System.nanoTime());

    private ReportMojo report(MigrationsDir migrations) throws ReflectiveOperationException {
        ReportMojo mojo = new ReportMojo();
        mojo.setLog(log);
        MavenProject project = new MavenProject();
        project.setArtifactId("shop");
        project.setFile(projectDir.resolve("pom.xml").toFile());
        // The report base class declares the project field protected in its own package; Maven injects it by name.
        Field field = AbstractMavenReport.class.getDeclaredField("project");
        field.setAccessible(true);
        field.set(mojo, project);
        mojo.migrationsDir = migrations.path().toFile();
        mojo.checkReport = projectDir.resolve("target/rsx/check.json").toFile();
        return mojo;
    }

    @Test
    void rendersEvenWhenTheDatabaseCannotBeReached() throws Exception {
        ConnectionSettings nowhere = TestDatabases.unreachable();
        ReportMojo mojo = report(MigrationsDir.create("report-mojo").write("001_create_users_table.sql",
                "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);"));
        mojo.url = nowhere.url().url();
        JsonCheckReport.write(new CheckReport("0.1.0-SNAPSHOT", Instant.parse("2025-11-21T09:30:00Z"), Duration.ofMillis(900),
                projectDir, "src/main/resources/db/migrations", CheckResult.of(List.of()), RulePolicy.development(),
                List.of(CheckReport.StepOutcome.passed("static", "1 migration, 1 statement"))), mojo.checkReport.toPath());
        StringWriter html = new StringWriter();

        mojo.generate(new Xhtml5BaseSink(html), null, Locale.ENGLISH);

        assertTrue(html.toString().contains("<td>001</td>\n<td>create_users_table</td>\n<td>001_create_users_table.sql</td>\n"
                + "<td>unknown</td>"), html.toString());
        assertTrue(html.toString().contains("<p>rsx:check passed on 2025-11-21 09:30:00 UTC in 0.9 s (RSX Migrate"
                + " 0.1.0-SNAPSHOT): 0 errors, 0 warnings, 0 waived; 0 files and 0 statements checked.</p>"), html.toString());
        String reason = "The database " + nowhere.url().masked() + " could not be reached, so the state of every"
                + " migration is unknown: Cannot reach the database server at 127.0.0.1:" + nowhere.url().port();
        assertTrue(html.toString().contains("<p>" + reason), html.toString());
        assertTrue(log.lines().get(0).startsWith("[WARNING] " + reason), log.lines().toString());
        assertEquals("[INFO] 1 migration file, state unknown.", log.lines().get(log.lines().size() - 1));
    }

    @Test
    void hasNothingToShowWithoutMigrationsOrCheckResultsOrWhenSkipped() throws Exception {
        ReportMojo mojo = report(new MigrationsDir(projectDir.resolve("src/main/resources/db/migrations")));
        assertFalse(mojo.canGenerateReport(), "no migrations directory, no check.json");
        Files.createDirectories(mojo.checkReport.toPath().getParent());
        Files.writeString(mojo.checkReport.toPath(), "{}");
        assertTrue(mojo.canGenerateReport(), "check.json alone");

        ReportMojo withMigrations = report(MigrationsDir.create("report-mojo-can"));
        assertTrue(withMigrations.canGenerateReport());
        withMigrations.skip = true;
        assertFalse(withMigrations.canGenerateReport());
    }
}
