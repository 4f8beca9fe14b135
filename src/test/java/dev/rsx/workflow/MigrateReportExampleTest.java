package dev.rsx.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rsx.engine.MigrateOptions;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.CheckCache;
import dev.rsx.rules.RuleOptions;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example report in docs/examples is the output of this test's run, not hand-written: the test fails when the
 * report's content changes, and {@code -Drsx.updateDocs=true} writes the new one there. Times, sizes and the server's
 * port differ from run to run and are not compared.
 */
class MigrateReportExampleTest {

    private static final Path EXAMPLES = Path.of("docs/examples");

    @Test
    void docsExampleIsWhatTheBuildWrites() throws Exception {
        Path reports = TestDatabases.work().resolve("report-example-" + System.nanoTime());
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("report-example").write("001_create_customers_table.sql", """
                    CREATE TABLE customers (
                        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                        email VARCHAR(255) NOT NULL,
                        fax VARCHAR(40) NULL,
                        UNIQUE KEY customers_email_unique (email)
                    );
                    INSERT INTO customers (email) VALUES ('ada@example.com'), ('grace@example.com');
                    """);
            run(db, dir, null);
            dir.write("002_create_orders_table.sql", """
                    CREATE TABLE orders (
                        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                        customer_id BIGINT NOT NULL,
                        total DECIMAL(10, 2) NOT NULL,
                        CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
                    );
                    INSERT INTO orders (customer_id, total) VALUES (1, 19.99), (2, 42.00);
                    """).write("003_drop_fax_from_customers.sql", """
                    -- rsx:allow-destructive nobody has sent a fax since 2009; the numbers are archived in ticket OPS-1234
                    ALTER TABLE customers DROP COLUMN fax;
                    """);

            run(db, dir, reports);
        }
        for (String extension : List.of(".md", ".json")) {
            String written = Files.readString(only(reports, extension));
            Path example = EXAMPLES.resolve("migrate-report" + extension);
            if (Boolean.getBoolean("rsx.updateDocs")) {
                Files.writeString(example, written);
            }
            assertEquals(volatileMasked(Files.readString(example)), volatileMasked(written), example + " is not what the"
                    + " build writes any more; run: ./mvnw test -Dtest=MigrateReportExampleTest -Drsx.updateDocs=true");
        }
    }

    private static void run(TestDb db, MigrationsDir dir, Path reports) {
        new MigrateWorkflow(new CapturingLog(), reports, CheckCache.none()).run(new MigrateWorkflow.Settings(db.settings(), dir.load(),
                new MigrateOptions(Duration.ofMinutes(1)), NormalizeOptions.defaults(), RuleOptions.defaults(),
                new ModeDecision(Mode.DEVELOPMENT, "default for the embedded server and loopback hosts"),
                new LogicalSnapshot(db.settings()), true));
    }

    private static String volatileMasked(String report) {
        return report.replaceAll("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?( UTC|Z)", "<time>")
                .replaceAll("\\d+ ms", "<ms>").replaceAll("\"(durationMs|takeMs|restoreMs|sizeBytes)\": \\d+", "\"$1\": <n>")
                .replaceAll("\\d+\\.\\d MB", "<size>").replaceAll("127\\.0\\.0\\.1:\\d+/\\w+", "<server>");
    }

    private static Path only(Path directory, String extension) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(extension)).findFirst().orElseThrow();
        }
    }
}
