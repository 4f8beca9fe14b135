package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.NewMigration;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates a new raw-SQL migration file with a fresh version: {@code mvn rsx:new -Dname=create_products_table}.
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
        Path file = NewMigration.create(migrationsDir.toPath(), migrationName, Clock.systemUTC());
        log.info("Created " + project.getBasedir().toPath().relativize(file.toAbsolutePath()));
        log.info("Write its SQL, then run mvn rsx:migrate.");
    }
}
