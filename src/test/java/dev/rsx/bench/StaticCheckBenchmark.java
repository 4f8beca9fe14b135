package dev.rsx.bench;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.LiquibaseScope;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.RulePolicy;
import dev.rsx.rules.StaticCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.FileUtils;

/**
 * Times the static rule check (the database-free first step of {@code rsx:check}, and what {@code rsx:migrate} runs
 * before anything executes) on generated migrations, inside one JVM: {@code MigrationChangeLog.load} plus
 * {@code StaticCheck.run} over all files, one untimed warm-up run, then the median of five. Not a test: run it
 * with the test classpath (see docs/benchmarks.md).
 *
 * <p>Arguments: number of migrations (default 1000), work directory (default target/static-check-bench). The mix is
 * deterministic: about 25 % CREATE TABLE (the id column, a foreign key to an earlier table, an index, seed rows),
 * 30 % ALTER TABLE … ADD COLUMN, 20 % CREATE INDEX, 25 % INSERT + UPDATE … WHERE. Every migration passes the rules,
 * so the time is that of a clean check.
 */
public final class StaticCheckBenchmark {

    private static final int RUNS = 5;

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/static-check-bench").toAbsolutePath();
        FileUtils.deleteDirectory(work.toFile());
        Files.createDirectories(work);
        generate(work, count);

        long[] load = new long[RUNS];
        long[] check = new long[RUNS];
        CheckResult result = null;
        for (int i = -1; i < RUNS; i++) {
            long start = System.nanoTime();
            MigrationChangeLog changeLog = MigrationChangeLog.load(work, EngineLog.silent());
            long loaded = System.nanoTime();
            result = LiquibaseScope.run(EngineLog.silent(), () -> new StaticCheck(RulePolicy.development())
                    .run(changeLog, changeLog.changeSets(), KnownSchema.empty()));
            long checked = System.nanoTime();
            if (!result.findings().isEmpty()) {
                throw new IllegalStateException("the generated migrations should pass: " + result.findings());
            }
            if (i >= 0) {
                load[i] = (loaded - start) / 1_000_000;
                check[i] = (checked - loaded) / 1_000_000;
            }
        }
        long[] total = new long[RUNS];
        Arrays.setAll(total, i -> load[i] + check[i]);
        System.out.printf(Locale.ROOT, "%d files, %d statements; after 1 warm-up run, median of %d:%n", result.files(),
                result.statements(), RUNS);
        System.out.printf(Locale.ROOT, "  load + static check: %d ms (runs %s), %.2f ms per file%n", median(total),
                Arrays.toString(total), median(total) / (double) result.files());
        System.out.printf(Locale.ROOT, "  MigrationChangeLog.load: %d ms (runs %s)%n", median(load), Arrays.toString(load));
        System.out.printf(Locale.ROOT, "  StaticCheck.run: %d ms (runs %s)%n", median(check), Arrays.toString(check));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The same kinds, in the same interleaving, as bench/generate.sh, with foreign keys between the tables. */
    private static void generate(Path directory, int count) throws IOException {
        List<String> tables = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String version = String.format(Locale.ROOT, "2025%010d", i);
            int kind = (i * 13) % 20;
            StringBuilder sql = new StringBuilder();
            String name;
            if (tables.isEmpty() || kind < 5) {
                int t = tables.size();
                String table = "t" + t + "_items";
                String parent = t == 0 ? null : tables.get((t * 7) % t);
                sql.append("-- create ").append(table).append(" table\n")
                        .append("CREATE TABLE ").append(table).append(" (\n")
                        .append("    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n");
                if (parent != null) {
                    sql.append("    ").append(parent).append("_id BIGINT NULL,\n");
                }
                sql.append("    name VARCHAR(255) NOT NULL,\n    status VARCHAR(20) NOT NULL DEFAULT 'new',\n")
                        .append("    amount DECIMAL(12,2) NOT NULL DEFAULT 0.00,\n    note TEXT,\n")
                        .append("    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n")
                        .append("    INDEX idx_").append(table).append("_created (created_at)");
                if (parent != null) {
                    sql.append(",\n    CONSTRAINT fk_").append(table).append("_parent FOREIGN KEY (").append(parent)
                            .append("_id) REFERENCES ").append(parent).append(" (id) ON DELETE SET NULL");
                }
                sql.append("\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n\n")
                        .append("INSERT INTO ").append(table).append(" (name, amount) VALUES\n")
                        .append("    ('first ").append(table).append("', 1.50),\n")
                        .append("    ('second ").append(table).append("', 2.75);\n");
                tables.add(table);
                columns.add(0);
                name = "create_" + table + "_table";
            } else {
                int t = (i * 7) % tables.size();
                String table = tables.get(t);
                if (kind < 11) {
                    int c = columns.get(t) + 1;
                    columns.set(t, c);
                    sql.append("ALTER TABLE ").append(table).append(" ADD COLUMN col").append(c)
                            .append(" VARCHAR(100) NULL AFTER name;\n");
                    name = "add_col" + c + "_to_" + table;
                } else if (kind < 15) {
                    sql.append("CREATE INDEX idx_").append(table).append('_').append(i).append(" ON ").append(table)
                            .append(" (status, created_at);\n");
                    name = "add_index_" + i + "_to_" + table;
                } else {
                    sql.append("INSERT INTO ").append(table).append(" (name, status, amount) VALUES ('row ").append(i)
                            .append("', 'new', ").append(i % 100).append(".25);\n")
                            .append("UPDATE ").append(table).append(" SET status = 'active', amount = amount + 1\n")
                            .append("    WHERE status = 'new' AND amount < ").append(i % 50).append(";\n");
                    name = "update_status_in_" + table;
                }
            }
            Files.writeString(directory.resolve(version + "_" + name + ".sql"), sql.toString());
        }
    }
}
