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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** rsx:report as maven-site-plugin drives it: asked whether it can run, then handed a sink. */
class ReportMojoTest {

    private final CapturingMavenLog log = new CapturingMavenLog();
    private final Path projectDir = TestDatabases.work().resolve("report-mojo-" + System.nanoTime());

    private ReportMojo report(MigrationsDir migrations) {
        ReportMojo mojo = new ReportMojo();
        mojo.setLog(log);
        MavenProject project = new MavenProject();
        project.setArtifactId("shop");
        project.setFile(projectDir.resolve("pom.xml").toFile());
        mojo.project = project;
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

        mojo.generate(new Xhtml5BaseSink(html), Locale.ENGLISH);

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

    @Test
    void runOnItsOwnWritesTheWholePageToTheOutputDirectory() throws Exception {
        ReportMojo mojo = report(MigrationsDir.create("report-mojo-alone").write("001_create_users_table.sql",
                "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);"));
        mojo.url = TestDatabases.unreachable().url().url();
        mojo.outputDirectory = projectDir.resolve("target/reports").toFile();

        mojo.execute();

        Path page = projectDir.resolve("target/reports/rsx-report.html");
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html"), html);
        assertTrue(html.contains("<title>RSX Migrate</title>"), html);
        assertTrue(html.contains("<td>001</td>\n<td>create_users_table</td>"), html);
        assertTrue(html.contains("<p>No rsx:check results: run mvn verify (rsx:check) before mvn site.</p>"), html);
        assertEquals("[INFO] RSX Migrate report: " + page, log.lines().get(log.lines().size() - 1));
    }

    @Test
    void runOnItsOwnWithNothingToShowWritesNoPage() throws Exception {
        ReportMojo mojo = report(new MigrationsDir(projectDir.resolve("src/main/resources/db/migrations")));
        mojo.outputDirectory = projectDir.resolve("target/reports").toFile();

        mojo.execute();

        assertFalse(Files.exists(projectDir.resolve("target/reports")));
        assertEquals(List.of("[INFO] Skipping rsx:report: no migrations in " + mojo.migrationsDir + " and no rsx:check"
                + " results in " + mojo.checkReport + "."), log.lines());
    }
}
