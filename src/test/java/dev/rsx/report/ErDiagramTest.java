package dev.rsx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rsx.schema.SchemaInventory;
import dev.rsx.schema.SchemaInventory.Column;
import dev.rsx.schema.SchemaInventory.ForeignKey;
import dev.rsx.schema.SchemaInventory.Table;
import dev.rsx.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The report's schema diagram: what it shows, and that Mermaid itself parses it. */
class ErDiagramTest {

    private static Column column(String name, String type, boolean nullable, String key) {
        return new Column(name, type, type.replaceAll("[( ].*", ""), nullable, key, null, "", null, null);
    }

    private static final SchemaInventory SHOP = new SchemaInventory(List.of(
            new Table("customers", "utf8mb4_unicode_ci", "", List.of(column("id", "bigint(20)", false, "PRI"), column("email", "varchar(255)", false, "UNI"),
                    column("name", "varchar(255)", true, ""))),
            new Table("order lines", "utf8mb4_unicode_ci", "", List.of(column("id", "bigint(20)", false, "PRI"), column("order_id", "bigint(20)", false, "MUL"),
                    column("product", "varchar(255)", false, ""))),
            new Table("orders", "utf8mb4_unicode_ci", "", List.of(column("id", "bigint(20)", false, "PRI"), column("customer_id", "bigint(20)", true, "MUL"),
                    column("total", "decimal(10,2) unsigned", false, ""))),
            new Table("2fa-codes", "utf8mb4_unicode_ci", "", List.of(column("code", "char(6)", false, ""))),
            new Table("settings", "utf8mb4_unicode_ci", "", List.of())),
            List.of(new ForeignKey("orders_customer_fk", "orders", List.of("customer_id"), "shop", "customers", List.of("id")),
                    new ForeignKey("lines_order_fk", "order lines", List.of("order_id"), "shop", "orders", List.of("id"))));

    @Test
    void showsTablesWithTheirKeyColumnsAndForeignKeysAsRelationships() {
        assertEquals("""
                erDiagram
                    customers {
                        bigint id PK
                        varchar email UK
                    }
                    order_lines {
                        bigint id PK
                        bigint order_id FK
                    }
                    orders {
                        bigint id PK
                        bigint customer_id FK
                    }
                    _2fa-codes
                    settings
                    customers |o--o{ orders : "orders_customer_fk"
                    orders ||--o{ order_lines : "lines_order_fk"
                """, ErDiagram.of(SHOP));
    }

    /**
     * Mermaid's own parser, from the npm registry (versions pinned in src/test/mermaid/package-lock.json), run by node.
     * Skipped where node or the registry is not available; a diagram Mermaid rejects must fail, or the check proves nothing.
     */
    @Test
    void mermaidParsesTheDiagrams() throws Exception {
        Path checker = installedChecker();
        Path dir = Files.createDirectories(TestDatabases.work().resolve("diagrams-" + System.nanoTime()));
        Path shop = Files.writeString(dir.resolve("shop.mmd"), ErDiagram.of(SHOP));
        Path empty = Files.writeString(dir.resolve("empty.mmd"), ErDiagram.of(new SchemaInventory(List.of(), List.of())));
        Path broken = Files.writeString(dir.resolve("broken.mmd"), ErDiagram.of(SHOP).replace("bigint id PK", "bigint id PK PK"));

        List<String> verdicts = run(checker, List.of("node", "validate.mjs", shop.toString(), empty.toString(), broken.toString()));

        assertEquals("valid " + shop, verdicts.get(0));
        assertEquals("valid " + empty, verdicts.get(1));
        assertEquals(true, verdicts.get(2).startsWith("invalid " + broken + ": Parse error"), verdicts.get(2));
    }

    /** The checker with its node_modules, installed once per build directory. */
    private static Path installedChecker() throws Exception {
        Path source = Path.of("src/test/mermaid");
        Path target = Path.of("target/mermaid-check");
        Files.createDirectories(target);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(target.resolve("node_modules/mermaid"))) {
            List<String> output;
            try {
                output = run(target, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
            } catch (IOException e) {
                output = List.of("npm is not installed: " + e.getMessage());
            }
            assumeTrue(Files.isDirectory(target.resolve("node_modules/mermaid")),
                    "node/npm or the npm registry is not available: " + output);
        }
        return target;
    }

    private static List<String> run(Path directory, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>(process.inputReader().lines().toList());
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            lines.add("timed out");
        }
        return lines;
    }
}
