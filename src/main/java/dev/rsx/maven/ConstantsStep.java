package dev.rsx.maven;

import dev.rsx.constants.ConstantsGenerator;
import dev.rsx.constants.ConstantsOptions;
import dev.rsx.constants.ConstantsResult;
import dev.rsx.db.ConnectionSettings;
import dev.rsx.engine.EngineLog;
import java.io.File;
import org.apache.maven.project.MavenProject;

/**
 * Generating the constants class into the project's compile sources: the work of {@code rsx:constants}, kept apart
 * so that {@code rsx:migrate} can do the same after a migration, with the same parameters and the same log line.
 */
final class ConstantsStep {

    private ConstantsStep() {}

    /** The options of the {@code rsx.constants.*} parameters; no package name means the groupId's. */
    static ConstantsOptions options(File outputDir, String packageName, String className, MavenProject project) {
        return new ConstantsOptions(outputDir.toPath(), packageName == null || packageName.isBlank()
                ? ConstantsOptions.defaultPackageName(project.getGroupId()) : packageName.strip(), className);
    }

    static ConstantsResult generate(ConnectionSettings connection, ConstantsOptions options, MavenProject project,
            EngineLog log) {
        ConstantsResult result = ConstantsGenerator.generate(connection, options);
        // Also when the file is unchanged: the compile source roots are the build's, gone when it ends.
        project.addCompileSourceRoot(options.outputDir().toAbsolutePath().toString());
        log.info(result.summary(project.getBasedir().toPath()));
        if (result.tables() == 0) {
            log.warn("The database has no tables, so the constants class is empty. Constants come from the database this"
                    + " goal reads: run rsx:migrate on it first.");
        }
        return result;
    }
}
