package dev.rsx.constants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.ProjectException;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The constants class of a real schema on the embedded MariaDB: its exact text, that it compiles, when it is written. */
class ConstantsGeneratorTest {

    @TempDir
    Path work;

    /** Two tables with a foreign key and a generated column, plus names that are no Java identifiers as they are. */
    private static void createOddSchema(TestDb db) {
        db.execute("CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL UNIQUE,"
                + " `table` VARCHAR(20) NULL, created_at DATETIME(3) NOT NULL, createdAt DATETIME(3) NULL, `größe` INT NULL,"
                + " `1st note` VARCHAR(10) NULL, `price$` DECIMAL(10,2) NULL, `quote\"back\\slash` INT NULL)");
        db.execute("CREATE TABLE order_lines (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                + " quantity INT NOT NULL, unit_price DECIMAL(10,2) NOT NULL,"
                + " total DECIMAL(12,2) AS (quantity * unit_price) STORED,"
                + " status ENUM('new','Shipped') NOT NULL DEFAULT 'new',"
                + " CONSTRAINT order_lines_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id))");
        db.execute("CREATE TABLE string (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
        db.execute("CREATE TABLE `tables` (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)");
        db.execute("CREATE TABLE `2fa codes` (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `*/ end` VARCHAR(1) NULL)");
    }

    private ConstantsOptions options() {
        return new ConstantsOptions(work.resolve("generated-sources"), "com.example.db", "Tables");
    }

    @Test
    void generatesTheGoldenClassForTheSchema() throws IOException {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            createOddSchema(db);

            ConstantsResult result = ConstantsGenerator.generate(db.settings(), options());

            assertEquals(new ConstantsResult(work.resolve("generated-sources/com/example/db/Tables.java"), true, 5, 19), result);
            assertEquals(golden("Tables.java.expected"), Files.readString(result.file(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theGeneratedClassCompilesAndHoldsTheExactSqlNames() throws Exception {
        ConstantsResult result;
        try (TestDb db = TestDatabases.fresh("embedded")) {
            createOddSchema(db);
            result = ConstantsGenerator.generate(db.settings(), options());
        }
        Path classes = Files.createDirectories(work.resolve("classes"));

        compile(result.file(), classes);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertEquals("order_lines", constant(loader, "OrderLines", "TABLE"));
            assertEquals("customer_id", constant(loader, "OrderLines", "CUSTOMER_ID"));
            assertEquals("table", constant(loader, "Customers", "TABLE_2"));
            assertEquals("createdAt", constant(loader, "Customers", "CREATED_AT_2"));
            assertEquals("größe", constant(loader, "Customers", "GRO_U00DF_E"));
            assertEquals("quote\"back\\slash", constant(loader, "Customers", "QUOTE_BACK_SLASH"));
            assertEquals("string", constant(loader, "String", "TABLE"));
            assertEquals("tables", constant(loader, "Tables_2", "TABLE"));
            assertEquals("*/ end", constant(loader, "_2faCodes", "END"));
        }
    }

    private static void compile(Path source, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.US_ASCII)) {
            // Warnings and Javadoc errors fail too: a project's -Werror or javadoc:jar must not trip over generated code.
            boolean compiled = compiler.getTask(null, files, diagnostics, List.of("-d", classes.toString(), "-Xlint:all",
                    "-Xdoclint:all,-missing", "-Werror"), null, files.getJavaFileObjects(source)).call();
            assertTrue(compiled, diagnostics.getDiagnostics().toString());
            assertEquals(List.of(), diagnostics.getDiagnostics());
        }
    }

    private static Object constant(ClassLoader loader, String table, String field) throws ReflectiveOperationException {
        return loader.loadClass("com.example.db.Tables$" + table).getField(field).get(null);
    }

    @Test
    void aRerunOnTheSameSchemaLeavesTheFileUntouchedAndASchemaChangeRewritesIt() throws IOException {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            db.execute("CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL)");
            Path file = ConstantsGenerator.generate(db.settings(), options()).file();
            byte[] first = Files.readAllBytes(file);
            FileTime old = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
            Files.setLastModifiedTime(file, old);

            ConstantsResult rerun = ConstantsGenerator.generate(db.settings(), options());

            assertFalse(rerun.written());
            assertEquals(old, Files.getLastModifiedTime(file));
            assertArrayEquals(first, Files.readAllBytes(file));

            db.execute("ALTER TABLE customers ADD COLUMN phone VARCHAR(40) NULL");
            ConstantsResult changed = ConstantsGenerator.generate(db.settings(), options());

            assertTrue(changed.written());
            assertTrue(Files.getLastModifiedTime(file).compareTo(old) > 0);
            assertTrue(Files.readString(file).contains("public static final java.lang.String PHONE = \"phone\";"));
            assertEquals(List.of("Tables.java"), fileNames(file.getParent()));
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theSummaryNamesTheFileRelativeToTheProject() {
        ConstantsResult result = new ConstantsResult(work.resolve("target/generated-sources/rsx/com/example/db/Tables.java"),
                false, 1, 17);

        assertEquals("Constants for 1 table and 17 columns: target/generated-sources/rsx/com/example/db/Tables.java"
                + " (unchanged)", result.summary(work));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"             | it is empty",
        "com..db        | it has an empty part between dots",
        "com.example.   | it has an empty part between dots",
        "com.my-shop.db | 'my-shop' is not a Java identifier",
        "com.1st.db     | '1st' is not a Java identifier",
        "org.new.db     | 'new' is a Java keyword"})
    void refusesAPackageNameTheCompilerWouldRefuse(String packageName, String problem) {
        ProjectException e = assertThrows(ProjectException.class,
                () -> new ConstantsOptions(work, packageName, "Tables"));

        assertEquals("rsx.constants.packageName '" + packageName + "' is not a Java package name: " + problem
                + ". Use Java identifiers separated by dots, e.g. com.example.db.", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"               | it is empty",
        "com.example.Db   | it contains a dot; give the package in rsx.constants.packageName",
        "My-Tables        | 'My-Tables' is not a Java identifier",
        "class            | 'class' is a Java keyword",
        "record           | 'record' cannot name a class"})
    void refusesAClassNameTheCompilerWouldRefuse(String className, String problem) {
        ProjectException e = assertThrows(ProjectException.class,
                () -> new ConstantsOptions(work, "com.example.db", className));

        assertEquals("rsx.constants.className '" + className + "' is not a Java class name: " + problem
                + ". Use one Java identifier, e.g. Tables.", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "com.example     | com.example.db",
        "com.my-shop     | com.my_shop.db",
        "org.example.new | org.example.new_.db",
        "io.2fa          | io._2fa.db"})
    void theDefaultPackageIsTheGroupIdPlusDbMadeValid(String groupId, String packageName) {
        assertEquals(packageName, ConstantsOptions.defaultPackageName(groupId));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ConstantsGeneratorTest.class.getResourceAsStream("/constants/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
