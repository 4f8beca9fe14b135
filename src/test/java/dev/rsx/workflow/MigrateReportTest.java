package dev.rsx.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.ProjectException;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.rules.CheckCache;
import dev.rsx.rules.RuleOptions;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.JsonReports;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.ReportFiles;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The report every rsx:migrate writes: a success, a failure restored, a failure in production mode. */
class MigrateReportTest {

    private static final ModeDecision DEVELOPMENT = new ModeDecision(Mode.DEVELOPMENT, "test");
    private static final ModeDecision PRODUCTION = new ModeDecision(Mode.PRODUCTION, "test");

    private final CapturingLog log = new CapturingLog();
    private final Path reports = TestDatabases.work().resolve("reports-" + System.nanoTime());

    private void run(TestDb db, MigrationsDir dir, ModeDecision mode, RuleOptions rules) {
        new MigrateWorkflow(log, reports, CheckCache.none()).run(new MigrateWorkflow.Settings(db.settings(), dir.load(),
                new MigrateOptions(Duration.ofMinutes(1)), NormalizeOptions.defaults(), rules, mode,
                new LogicalSnapshot(db.settings()), true));
    }

    private static MigrationsDir shop(String name) {
        return MigrationsDir.create(name).write("001_create_customers_table.sql", """
                CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL,
                    note TEXT, UNIQUE KEY customers_email_unique (email));
                INSERT INTO customers (email) VALUES ('ada@example.com'), ('grace@example.com');
                """);
    }

    @Test
    void aSuccessfulRunReportsEverySection() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            run(db, shop("report-success-base"), DEVELOPMENT, RuleOptions.defaults());
            MigrationsDir dir = shop("report-success").write("002_create_orders_table.sql", """
                    CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT NULL,
                        CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id));
                    ALTER TABLE customers DROP COLUMN note;
                    """);
            Files.list(reports).forEach(p -> p.toFile().delete());

            run(db, dir, DEVELOPMENT, RuleOptions.defaults());

            Path markdown = onlyReport(".md");
            String md = Files.readString(markdown);
            assertTrue(log.lines().contains("INFO Migration report: " + markdown + " (and .json)"), log.text());
            assertTrue(markdown.getFileName().toString().matches("migrate-\\d{8}T\\d{6}Z\\.md"), markdown.toString());
            assertTrue(md.startsWith("# Migration report: success\n"), md);
            assertTrue(md.contains("| Database | `" + db.settings().url().masked() + "` |"), md);
            assertTrue(md.contains("| Mode | development (test) |"), md);
            assertTrue(md.contains("| Migrations | 1 applied, 0 failed, 0 not run |"), md);
            assertTrue(md.matches("(?s).*\\| `migrate-run` \\| logical \\| \\d+\\.\\d MB \\| \\d+ ms \\| not restored \\|.*"), md);
            assertTrue(md.matches("(?s).*\\| 002 \\| `002_create_orders_table\\.sql` \\| create orders table \\| 2 \\| \\d+ ms \\| applied \\|.*"), md);
            // The table as the run left it, normalization included.
            assertTrue(md.contains("- table `orders (id bigint(20) NOT NULL auto_increment, customer_id bigint(20) NULL,"
                    + " created_at timestamp(3) NULL DEFAULT current_timestamp(3), updated_at"), md);
            assertTrue(md.contains("### Dropped\n\n- column `customers.note`\n"), md);
            assertTrue(md.contains("### Normalization\n\n- orders: added created_at, updated_at, created_by, updated_by; indexed"
                    + " created_at, updated_at\n"), md);
            assertTrue(md.contains("| `customers` | 2 | 2 |\n| `orders` | (new) | 0 |\n"), md);
            assertTrue(md.contains("| RSX502 DROP COLUMN deletes data | `002_create_orders_table.sql:3` |"), md);
            assertTrue(md.contains("| warning only: development mode, behind the snapshot |"), md);
            assertTrue(md.contains("```mermaid\nerDiagram\n    customers {\n        bigint id PK\n        varchar email UK\n    }\n"
                    + "    orders {\n        bigint id PK\n        bigint customer_id FK\n    }\n"
                    + "    customers |o--o{ orders : \"orders_customer_fk\"\n```\n"), md);

            String json = Files.readString(Path.of(markdown.toString().replace(".md", ".json")));
            JsonReports.assertValid("docs/migrate-report.schema.json", json);
            assertFalse(JsonReports.violations("docs/migrate-report.schema.json",
                    json.replace("\"outcome\": \"success\"", "\"outcome\": \"fine\"")).isEmpty(), "the schema checks outcomes");
            assertTrue(json.contains("\"outcome\": \"success\""), json);
            assertTrue(json.contains("\"columnsDropped\": [\n      \"customers.note\"\n    ]"), json);
        }
    }

    @Test
    void aFailedDevelopmentRunReportsTheFailureAndTheRestore() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = shop("report-restored").write("002_add_phone_to_customers.sql", """
                    ALTER TABLE customers ADD COLUMN phone VARCHAR(20) NULL;
                    UPDATE customers SET phone = missing_column WHERE id = 1;
                    """);

            assertThrows(ProjectException.class, () -> run(db, dir, DEVELOPMENT, RuleOptions.defaults()));

            String md = Files.readString(onlyReport(".md"));
            assertTrue(md.startsWith("# Migration report: failed and restored\n"), md);
            assertTrue(md.contains("| Migrations | 1 applied, 1 failed, 0 not run; the restore undid what was applied |"), md);
            assertTrue(md.matches("(?s).*\\| `migrate-run` \\| logical \\| \\d+\\.\\d MB \\| \\d+ ms \\| \\d+ ms \\|.*"), md);
            assertTrue(md.contains("| `001_create_customers_table.sql` | create customers table | 2 |"), md);
            assertTrue(md.contains("| applied, then undone by the restore |"), md);
            assertTrue(md.contains("| 002 | `002_add_phone_to_customers.sql` | add phone to customers | 2 |"), md);
            assertTrue(md.contains("Failed statement, `002_add_phone_to_customers.sql:2`:\n\n```sql\n"
                    + "UPDATE customers SET phone = missing_column WHERE id = 1\n```\n\nServer said: `(1054) Unknown column"
                    + " 'missing_column' in 'SELECT'`"), md);
            assertTrue(md.contains("```text\nMigration 002_add_phone_to_customers.sql failed at"), md);
            // Restored: the schema is as it was, an empty database.
            assertTrue(md.contains("## Schema changes\n\nNo tables or columns changed.\n"), md);
            assertTrue(md.contains("```mermaid\nerDiagram\n```"), md);
            JsonReports.assertValid("docs/migrate-report.schema.json",
                    Files.readString(onlyReport(".json")));
        }
    }

    @Test
    void aFailedProductionRunReportsWhatStayedApplied() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            run(db, shop("report-production-base"), PRODUCTION, RuleOptions.defaults());
            MigrationsDir dir = shop("report-production")
                    .write("002_add_phone_to_customers.sql", """
                            ALTER TABLE customers ADD COLUMN phone VARCHAR(20) NULL;
                            UPDATE customers SET phone = missing_column WHERE id = 1;
                            """)
                    .write("003_create_orders_table.sql", "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);");
            Files.list(reports).forEach(p -> p.toFile().delete());

            assertThrows(ProjectException.class, () -> run(db, dir, PRODUCTION, RuleOptions.defaults()));

            String md = Files.readString(onlyReport(".md"));
            assertTrue(md.startsWith("# Migration report: failed\n"), md);
            assertTrue(md.contains("| Mode | production (test) |"), md);
            assertTrue(md.contains("## Snapshot\n\nNo snapshot: only development mode takes one.\n"), md);
            assertTrue(md.contains("| Migrations | 0 applied, 1 failed, 1 not run |"), md);
            assertTrue(md.contains("| `003_create_orders_table.sql` | create orders table | 1 |  | not run |"), md);
            // MySQL committed the ALTER before the UPDATE failed: the report shows the column that stayed.
            assertTrue(md.contains("### Added\n\n- column `customers.phone varchar(20) NULL`\n"), md);
            assertTrue(md.contains("| `customers` | 2 | 2 |"), md);
            JsonReports.assertValid("docs/migrate-report.schema.json", Files.readString(onlyReport(".json")));
        }
    }

    @Test
    void aRunTheRulesStopReportsTheFindingsAndThatNothingRan() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("report-refused").write("001_create_customers_table.sql",
                    "CREATE TABLE customers (email VARCHAR(255) NOT NULL);\nDROP TABLE legacy;\n");

            assertThrows(ProjectException.class, () -> run(db, dir, PRODUCTION, RuleOptions.defaults()));

            String md = Files.readString(onlyReport(".md"));
            assertTrue(md.startsWith("# Migration report: failed\n"), md);
            assertTrue(md.contains("| Migrations | 0 applied, 0 failed, 1 not run |"), md);
            assertTrue(md.contains("| RSX501 DROP TABLE deletes data | `001_create_customers_table.sql:2` |"), md);
            assertTrue(md.contains("| not acknowledged: the run stopped before anything ran |"), md);
            assertTrue(md.contains("| RSX101 Every table has id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY |"
                    + " `001_create_customers_table.sql:1` |"), md);
            JsonReports.assertValid("docs/migrate-report.schema.json", Files.readString(onlyReport(".json")));
        }
    }

    @Test
    void nothingPendingStillWritesAReportWithTheSchema() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = shop("report-noop");
            run(db, dir, DEVELOPMENT, RuleOptions.defaults());
            Files.list(reports).forEach(p -> p.toFile().delete());

            run(db, dir, DEVELOPMENT, RuleOptions.defaults());

            String md = Files.readString(onlyReport(".md"));
            assertTrue(md.contains("| Migrations | nothing was pending |"), md);
            assertTrue(md.contains("## Migrations\n\nNothing was pending.\n"), md);
            assertTrue(md.contains("    customers {\n        bigint id PK\n        varchar email UK\n    }\n"), md);
        }
    }

    private Path onlyReport(String extension) throws Exception {
        return ReportFiles.only(reports, extension);
    }
}
