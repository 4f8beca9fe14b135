package dev.rsx.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rsx:constants as Maven runs it: the class generated from the database, the source root added, one log line. */
class ConstantsMojoTest {

    private final CapturingMavenLog log = new CapturingMavenLog();

    @TempDir
    Path basedir;

    private ConstantsMojo configure(ConnectionSettings db) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.example.my-shop");
        project.setArtifactId("api");
        project.setFile(basedir.resolve("pom.xml").toFile());
        ConstantsMojo mojo = new ConstantsMojo();
        mojo.setLog(log);
        mojo.project = project;
        mojo.url = db.url().url();
        mojo.username = db.username();
        mojo.password = db.password();
        mojo.outputDir = basedir.resolve("target/generated-sources/rsx").toFile();
        mojo.className = "Tables";
        return mojo;
    }

    @Test
    void generatesTheClassAndAddsItsSourceRootAlsoWhenTheFileIsUnchanged() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            db.execute("CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL)");
            ConstantsMojo first = configure(db.settings());
            first.execute();
            ConstantsMojo second = configure(db.settings());
            second.execute();

            String sourceRoot = basedir.resolve("target/generated-sources/rsx").toString();
            assertEquals(List.of(sourceRoot), first.project.getCompileSourceRoots());
            assertEquals(List.of(sourceRoot), second.project.getCompileSourceRoots());
            String file = "target/generated-sources/rsx/com/example/my_shop/db/Tables.java";
            assertTrue(log.lines().contains("[INFO] Constants for 1 table and 2 columns: " + file + " (written)"), log.lines().toString());
            assertTrue(log.lines().contains("[INFO] Constants for 1 table and 2 columns: " + file + " (unchanged)"), log.lines().toString());
            assertTrue(Files.readString(basedir.resolve(file)).contains("public static final java.lang.String EMAIL = \"email\";"));
        }
    }

    @Test
    void anEmptyDatabaseGivesAnEmptyClassAndAWarning() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            ConstantsMojo mojo = configure(db.settings());
            mojo.packageName = "org.example.schema";
            mojo.className = "Db";
            mojo.execute();

            assertEquals(List.of("[INFO] Database: " + db.settings().url().masked(),
                    "[INFO] Constants for 0 tables and 0 columns: target/generated-sources/rsx/org/example/schema/Db.java (written)",
                    "[WARNING] The database has no tables, so the constants class is empty. Constants come from the database"
                            + " this goal reads: run rsx:migrate on it first."), log.lines());
        }
    }

    @Test
    void aBadClassNameIsTheProjectsFaultAndRefusedBeforeTheDatabaseIsOpened() {
        ConstantsMojo mojo = configure(TestDatabases.unreachable());
        mojo.className = "my-tables";

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("rsx.constants.className 'my-tables' is not a Java class name: 'my-tables' is not a Java identifier."
                + " Use one Java identifier, e.g. Tables.", e.getMessage());
        assertEquals(List.of(), mojo.project.getCompileSourceRoots());
    }
}
