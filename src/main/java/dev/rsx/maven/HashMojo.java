package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.integrity.IntegrityFile;
import dev.rsx.integrity.IntegrityProblem;
import dev.rsx.integrity.IntegrityRecorder;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records every migration and its hash in {@code rsx.sum} as the files are now, after a deliberate edit, a merge or
 * a migration added by hand: {@code mvn rsx:hash}.
 *
 * @since 0.1.0
 */
@Mojo(name = "hash", threadSafe = true)
public class HashMojo extends AbstractRsxMojo {

    /**
     * Directory of the {@code <version>_<description>.sql} migrations.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.migrationsDir", defaultValue = "${project.basedir}/src/main/resources/db/migrations")
    protected File migrationsDir;

    @Override
    protected String goal() {
        return "hash";
    }

    @Override
    protected void run(EngineLog log) {
        IntegrityRecorder.Rehashed rehashed = IntegrityRecorder.rehash(migrationsDir.toPath());
        String migrations = rehashed.migrations() + (rehashed.migrations() == 1 ? " migration" : " migrations");
        if (rehashed.differences().isEmpty()) {
            log.info(IntegrityFile.NAME + " is up to date (" + migrations + ").");
            return;
        }
        for (IntegrityProblem difference : rehashed.differences()) {
            switch (difference.kind()) {
                case UNRECORDED -> log.info("Recorded " + difference.fileName());
                case EDITED -> log.info("Re-recorded " + difference.fileName() + " (edited since it was recorded)");
                case REMOVED -> log.info("Dropped " + difference.fileName() + " (the file is gone)");
                case CONFLICT -> log.info("Rewrote " + IntegrityFile.NAME + ", which was merged or edited by hand;"
                        + " check that the migrations of both branches run in the intended order.");
            }
        }
        Path sum = IntegrityFile.pathIn(migrationsDir.toPath()).toAbsolutePath();
        log.info("Wrote " + project.getBasedir().toPath().relativize(sum) + " (" + migrations + "); commit it with the"
                + " migrations.");
    }
}
