package dev.rsx.bench;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.normalize.NormalizationResult;
import dev.rsx.normalize.NormalizeOptions;
import dev.rsx.normalize.SchemaNormalizer;
import dev.rsx.server.EmbeddedMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.apache.commons.io.FileUtils;

/**
 * Normalizes a generated schema and reports ALTER count and wall time, then the no-op second run. Not a test: run
 * by {@code bench/normalize.sh}, which prints the figures for docs/benchmarks.md.
 *
 * <p>Arguments: tables, rows per table, work directory. Every table after the first references the previous one by
 * a foreign key, so all id columns form one family that must be converted together.
 */
public final class NormalizeBenchmark {

    public static void main(String[] args) throws Exception {
        int tables = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath();
        FileUtils.deleteDirectory(work.resolve("data").toFile());
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(Path.of(System.getProperty("user.home"), ".rsx", "binaries"),
                work.resolve("data"), EngineLog.silent())) {
            ConnectionSettings db = new ConnectionSettings(
                    JdbcUrl.parse(server.jdbcUrl("bench") + "?rewriteBatchedStatements=true"), "root", "");
            try (Connection c = DatabaseConnector.openServer(db); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench");
            }
            long generating = System.nanoTime();
            generate(db, tables, rows);
            System.out.printf("generated %d tables x %d rows in %.1f s%n", tables, rows, seconds(generating));

            SchemaNormalizer normalizer = new SchemaNormalizer(EngineLog.silent());
            NormalizationResult first = normalizer.normalize(db, NormalizeOptions.defaults());
            System.out.printf("first run:  %d tables changed, %d statements (ALTER TABLE), %.2f s%n",
                    first.tables().size(), first.alterStatements(), first.elapsed().toMillis() / 1000.0);
            NormalizationResult second = normalizer.normalize(db, NormalizeOptions.defaults());
            System.out.printf("second run: %d tables changed, %d statements, %.2f s%n",
                    second.tables().size(), second.alterStatements(), second.elapsed().toMillis() / 1000.0);
            if (!second.changedNothing()) {
                throw new IllegalStateException("normalization is not idempotent: " + second.statements());
            }
            NormalizationResult third = normalizer.normalize(db, NormalizeOptions.defaults());
            System.out.printf("third run (warm table cache): %d statements, %.2f s%n", third.alterStatements(),
                    third.elapsed().toMillis() / 1000.0);
        }
    }

    private static void generate(ConnectionSettings db, int tables, int rows) throws Exception {
        try (Connection c = DatabaseConnector.open(db); Statement s = c.createStatement()) {
            for (int t = 0; t < tables; t++) {
                s.execute("CREATE TABLE t" + t + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                        + (t == 0 ? "" : " parent_id INT NULL,")
                        + " name VARCHAR(100) NOT NULL, body TEXT, amount FLOAT, happened DATETIME"
                        + (t == 0 ? "" : ", CONSTRAINT t" + t + "_parent_fk FOREIGN KEY (parent_id) REFERENCES t" + (t - 1)
                                + " (id) ON DELETE CASCADE")
                        + ") DEFAULT CHARSET=latin1");
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO t" + t
                        + (t == 0 ? " (name, body, amount, happened) VALUES (?, ?, ?, NOW())"
                                : " (parent_id, name, body, amount, happened) VALUES (?, ?, ?, ?, NOW())"))) {
                    for (int r = 1; r <= rows; r++) {
                        int i = 1;
                        if (t > 0) {
                            insert.setInt(i++, r);
                        }
                        insert.setString(i++, "row " + r);
                        insert.setString(i++, "body of row " + r);
                        insert.setFloat(i, r / 4f);
                        insert.addBatch();
                        if (r % 5000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
