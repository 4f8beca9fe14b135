package dev.rsx.maven;

import dev.rsx.constants.ConstantsOptions;
import dev.rsx.engine.EngineLog;
import dev.rsx.server.ManagedDatabase;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates a Java class with one constant per table and column name of the database and compiles it with the
 * project, so application code refers to columns by compile-checked names.
 *
 * @since 0.1.0
 */
@Mojo(name = "constants", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class ConstantsMojo extends AbstractDatabaseMojo {

    /**
     * Source root the class is generated under, as a package tree; added to the project's compile source roots.
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.constants.outputDir", defaultValue = "${project.build.directory}/generated-sources/rsx")
    protected File outputDir;

    /**
     * Package of the generated class. Defaults to the project's groupId plus {@code .db}, made a valid package name
     * ({@code com.my-shop} becomes {@code com.my_shop.db}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.constants.packageName")
    protected String packageName;

    /**
     * Name of the generated class; every table is a class nested in it ({@code Tables.OrderLines.CUSTOMER_ID}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "rsx.constants.className", defaultValue = ConstantsOptions.DEFAULT_CLASS_NAME)
    protected String className;

    @Override
    protected String goal() {
        return "constants";
    }

    @Override
    protected void run(EngineLog log) {
        ConstantsOptions options = ConstantsStep.options(outputDir, packageName, className, project);
        try (ManagedDatabase database = ManagedDatabase.open(target(log), log)) {
            log.info("Database: " + database.description());
            ConstantsStep.generate(database.connection(), options, project, log);
        }
    }
}
