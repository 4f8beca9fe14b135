package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.integrity.IntegrityFile;
import dev.rsx.integrity.IntegrityRecorder;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates a new raw-SQL migration file with a fresh version and records it in {@code rsx.sum}:
 * {@code mvn rsx:new -Dname=create_products_table}.
 *
 * @since 0.1.0
 */
@Mojo(name = "new", threadSafe = true)
public class NewMojo extends AbstractRsxMojo {

    /**
     * The migration's description in snake_case, saying what it does ({@code create_products_table}). Also read
     * from the shorter {@code -Dname=}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.name")
    protected String name;

    /**
     * Directory of the {@code <version>_<description>.sql} migrations.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.migrationsDir", defaultValue = "${project.basedir}/src/main/resources/db/migrations")
    protected File migrationsDir;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Override
    protected String goal() {
        return "new";
    }

    @Override
    protected void run(EngineLog log) {
        String migrationName = name != null ? name : session.getUserProperties().getProperty("name");
        IntegrityRecorder.Created created =
                IntegrityRecorder.createMigration(migrationsDir.toPath(), migrationName, Clock.systemUTC());
        Path file = created.file();
        log.info("Created " + project.getBasedir().toPath().relativize(file.toAbsolutePath()));
        if (created.startedWith() > 0) {
            log.info("Started recording migrations in " + IntegrityFile.NAME + ": recorded the existing ones as they are"
                    + " now (" + created.startedWith() + (created.startedWith() == 1 ? " migration" : " migrations")
                    + "); commit " + IntegrityFile.NAME + " with the migrations.");
        }
        log.info("Recorded " + file.getFileName() + " in " + IntegrityFile.NAME);
        // rsx.sum holds the template's hash until the SQL is written and re-recorded.
        log.info("Write its SQL, then run mvn rsx:hash to record it and mvn rsx:migrate.");
    }
}
