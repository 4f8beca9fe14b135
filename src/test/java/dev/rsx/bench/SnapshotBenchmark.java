package dev.rsx.bench;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.server.EmbeddedMariaDb;
import dev.rsx.snapshot.DatadirSnapshot;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.snapshot.ServerControl;
import dev.rsx.snapshot.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.io.FileUtils;

/**
 * Times the two snapshot strategies against their command-line counterparts on one embedded MariaDB it starts itself:
 * {@code logical} create and restore against {@code mariadb-dump} and reloading the dump, {@code datadir} create and
 * restore against {@code cp -a} of the stopped data directory. Not a test: run by {@code bench/snapshot.sh}, which
 * prints the figures for docs/benchmarks.md.
 *
 * <p>Arguments: work directory (the data directory is {@code <work>/data}), rows per table (20 tables of INT, VARCHAR,
 * TEXT and BLOB columns, about 1.5 KB per row on disk), timed runs, warm-up runs, and the factor (e.g. 4 or 0.25) by which
 * the rows per table are multiplied for the second data size at which the logical snapshot is timed again (0: not at
 * all).
 */
public final class SnapshotBenchmark {

    private static final int TABLES = 20;
    /** Tables t01 to t04 reference t00 by a foreign key. */
    private static final int FK_TABLES = 4;
    private static final int BATCH = 500;
    private static final String SCHEMA = "bench";

    private final List<Result> results = new ArrayList<>();
    private final Path work;
    private final int runs;
    private final int warmups;

    private SnapshotBenchmark(Path work, int runs, int warmups) {
        this.work = work;
        this.runs = runs;
        this.warmups = warmups;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath().normalize();
        int rows = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmups = Integer.parseInt(args[3]);
        double factor = Double.parseDouble(args[4]);
        new SnapshotBenchmark(work, runs, warmups).run(rows, factor);
    }

    private void run(int rows, double factor) throws Exception {
        long begin = System.nanoTime();
        Path data = work.resolve("data");
        for (String leftover : List.of("data", "data.snapshots", "data.tmp", "data.restoring", "data.cp")) {
            FileUtils.deleteDirectory(work.resolve(leftover).toFile());
        }
        Files.createDirectories(work);
        Files.deleteIfExists(work.resolve("bench.sql"));

        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(Path.of(System.getProperty("user.home"), ".rsx", "binaries"),
                data, EngineLog.silent())) {
            Path binaries = server.clientExecutable().getParent().getParent();
            ConnectionSettings db = settings(server, SCHEMA);
            System.out.printf("MariaDB %s on 127.0.0.1:%d, data directory %s, binaries %s%n",
                    scalar(db, "SELECT VERSION()"), server.port(), data, binaries);
            execute(db, "CREATE DATABASE " + SCHEMA);

            long generating = System.nanoTime();
            generate(db, rows);
            System.out.printf("generated %d tables x %d rows (%d foreign keys, 1 view, 1 trigger) in %.1f s%n", TABLES, rows,
                    FK_TABLES, seconds(generating));
            reportSize(db, SCHEMA, data);
            Map<String, Long> original = counts(db, SCHEMA);

            // 1. logical create + restore
            logical(db, "", original);

            // 1t. the targeted snapshot of a migration that writes one small table
            targeted(db);

            // 2. mariadb-dump + reload into a fresh database
            dumpAndReload(server, binaries, db, original);

            // 3. datadir create + restore, and cp -a of the stopped data directory
            datadir(server, data, db, original);

            // 1'. logical snapshot at a second data size
            if (factor > 0) {
                String second = SCHEMA + "_second";
                int secondRows = (int) Math.round(rows * factor);
                ConnectionSettings secondDb = settings(server, second);
                execute(db, "CREATE DATABASE " + second);
                long t = System.nanoTime();
                generate(secondDb, secondRows);
                System.out.printf("generated %s: %d tables x %d rows in %.1f s%n", second, TABLES, secondRows, seconds(t));
                reportSize(secondDb, second, data);
                logical(secondDb, " (" + second + ": " + secondRows + " rows per table, " + sizeOf(secondDb, second) + ")",
                        counts(secondDb, second));
            }

            printResults(rows, factor);
        }
        System.out.printf("total %.0f s; server stopped%n", seconds(begin));
    }

    // ------------------------------------------------------------------------------------------------ logical

    private void logical(ConnectionSettings db, String label, Map<String, Long> original) {
        if (label.isEmpty()) {
            // measured now: tables the restore moved back were built by INSERT ... SELECT and have estimated statistics
            label = " (" + db.database() + ": " + sizeOf(db, db.database()) + ")";
        }
        LogicalSnapshot logical = new LogicalSnapshot(db);
        List<Double> create = new ArrayList<>();
        List<Double> restore = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            String name = "bench-" + i;
            double c = time(() -> logical.create(name, EngineLog.silent()));
            double r = time(() -> logical.restore(name, EngineLog.silent()));
            verify(db, db.database(), original, "logical restore " + i);
            if (!logical.list().isEmpty()) {
                throw new IllegalStateException("the restored logical snapshot was not dropped: " + logical.list());
            }
            System.out.printf("logical%s %s: create %.2f s, restore %.3f s, row counts verified%n", label,
                    i < warmups ? "warm-up" : "run " + (i - warmups + 1), c, r);
            if (i >= warmups) {
                create.add(c);
                restore.add(r);
            }
        }
        results.add(new Result("logical create (LogicalSnapshot.create)" + label, create));
        results.add(new Result("logical restore (LogicalSnapshot.restore)" + label, restore));
    }

    /**
     * What development mode adds to a run whose migration writes one small table of the schema: the targeted snapshot
     * (the small table and the tracking table; the others stay in place) and, on success, its drop; on failure, its
     * restore.
     */
    private void targeted(ConnectionSettings db) throws SQLException {
        execute(db, "CREATE TABLE " + SCHEMA + ".small_settings (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
        execute(db, "INSERT INTO " + SCHEMA + ".small_settings (name) VALUES ('theme'), ('locale'), ('currency')");
        Map<String, Long> expected = counts(db, SCHEMA);
        LogicalSnapshot logical = new LogicalSnapshot(db);
        Set<String> written = Set.of("small_settings");
        List<Double> commits = new ArrayList<>();
        List<Double> restores = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            String name = "targeted-" + i;
            double commit = time(() -> logical.create(name, written, EngineLog.silent()))
                    + time(() -> logical.drop(name, EngineLog.silent()));
            double c = time(() -> logical.create(name, written, EngineLog.silent()));
            execute(db, "INSERT INTO " + SCHEMA + ".small_settings (name) VALUES ('written by the failed migration')");
            double restore = c + time(() -> logical.restore(name, EngineLog.silent()));
            verify(db, SCHEMA, expected, "targeted restore " + i);
            System.out.printf("targeted %s: create + drop %.3f s, create + restore %.3f s, row counts verified%n",
                    i < warmups ? "warm-up" : "run " + (i - warmups + 1), commit, restore);
            if (i >= warmups) {
                commits.add(commit);
                restores.add(restore);
            }
        }
        execute(db, "DROP TABLE " + SCHEMA + ".small_settings");
        results.add(new Result("targeted create + drop, migration writing one small table (development mode's cost on"
                + " success)", commits));
        results.add(new Result("targeted create + restore, migration writing one small table (on failure)", restores));
    }

    // -------------------------------------------------------------------------------------------- dump + reload

    private void dumpAndReload(EmbeddedMariaDb server, Path binaries, ConnectionSettings db, Map<String, Long> original)
            throws Exception {
        Path dump = work.resolve("bench.sql");
        String reload = SCHEMA + "_reload";
        List<Double> dumps = new ArrayList<>();
        List<Double> reloads = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            Files.deleteIfExists(dump);
            double d = time(() -> client(binaries, "mariadb-dump", List.of("--single-transaction", "--routines",
                    "--triggers", "--events", "-h127.0.0.1", "-P" + server.port(), "-uroot", SCHEMA), null, dump));
            execute(db, "DROP DATABASE IF EXISTS " + reload);
            execute(db, "CREATE DATABASE " + reload);
            double r = time(() -> client(binaries, "mariadb", List.of("-h127.0.0.1", "-P" + server.port(), "-uroot",
                    reload), dump, null));
            verify(settings(server, reload), reload, original, "reload " + i);
            System.out.printf("mariadb-dump %s: dump %.2f s (%s), reload %.2f s, row counts verified%n",
                    i < warmups ? "warm-up" : "run " + (i - warmups + 1), d, mb(Files.size(dump)), r);
            if (i >= warmups) {
                dumps.add(d);
                reloads.add(r);
            }
        }
        execute(db, "DROP DATABASE " + reload);
        Files.delete(dump);
        results.add(new Result("mariadb-dump --single-transaction --routines --triggers --events > file", dumps));
        results.add(new Result("mariadb < file, into a fresh database", reloads));
    }

    /** Runs a bundled client; stdin and stdout from and to files when given. Fails on a non-zero exit. */
    private void client(Path binaries, String program, List<String> args, Path in, Path out) {
        List<String> command = new ArrayList<>();
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.add("--no-defaults"); // not /etc/mysql/my.cnf of the machine
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LD_LIBRARY_PATH", binaries.resolve("libs").toString());
        Path err = work.resolve(program + ".err");
        pb.redirectError(err.toFile());
        if (in != null) {
            pb.redirectInput(in.toFile());
        }
        if (out != null) {
            pb.redirectOutput(out.toFile());
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            int exit = pb.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ": "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- datadir

    private void datadir(EmbeddedMariaDb server, Path data, ConnectionSettings db, Map<String, Long> original)
            throws Exception {
        TimedControl control = new TimedControl(server.serverControl());
        DatadirSnapshot datadir = new DatadirSnapshot(data, DatadirSnapshot.snapshotsDirFor(data), SCHEMA, control);
        System.out.printf("data directory: %s (du -sh), %s in regular files%n", du(data), mb(sizeOf(data)));
        List<Double> create = new ArrayList<>();
        List<Double> createCopy = new ArrayList<>();
        List<Double> restore = new ArrayList<>();
        List<Double> restoreCopy = new ArrayList<>();
        List<Double> createStep = new ArrayList<>();
        List<Double> restoreStep = new ArrayList<>();
        List<Double> stopStart = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            String name = "bench-" + i;
            control.reset();
            Snapshot[] taken = new Snapshot[1];
            CapturingLog createLog = new CapturingLog();
            double c = time(() -> taken[0] = datadir.create(name, createLog));
            double cStopStart = control.seconds();
            // the strategy's own clock: from stopping the server to its start (no size check, markers or drop)
            double cStep = createLog.millis(" taken: ") / 1000.0 - cStopStart;
            control.reset();
            CapturingLog restoreLog = new CapturingLog();
            double r = time(() -> datadir.restore(name, restoreLog));
            double rStopStart = control.seconds();
            double rStep = restoreLog.millis(" restored into ") / 1000.0 - rStopStart;
            verify(db, SCHEMA, original, "datadir restore " + i);
            System.out.printf("datadir %s: create %.2f s (stop + start %.2f s, copy step %.2f s; %s copied), restore"
                    + " %.2f s (stop + start %.2f s, move aside + copy back + delete aside %.2f s), row counts verified%n",
                    i < warmups ? "warm-up" : "run " + (i - warmups + 1), c, cStopStart, cStep,
                    mb(taken[0].sizeBytes()), r, rStopStart, rStep);
            if (i >= warmups) {
                create.add(c);
                createCopy.add(c - cStopStart);
                createStep.add(cStep);
                restore.add(r);
                restoreCopy.add(r - rStopStart);
                restoreStep.add(rStep);
                stopStart.add(cStopStart);
            }
        }
        if (!datadir.list().isEmpty()) {
            throw new IllegalStateException("restored datadir snapshots were not dropped: " + datadir.list());
        }

        Path copy = work.resolve("data.cp");
        List<Double> cp = new ArrayList<>();
        List<Double> cpStopStart = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            control.reset();
            control.stop();
            double t = time(() -> command(List.of("cp", "-a", data.toString(), copy.toString())));
            FileUtils.deleteDirectory(copy.toFile());
            control.start();
            double s = control.seconds();
            verify(db, SCHEMA, original, "restart after cp -a " + i);
            System.out.printf("cp -a %s: %.2f s (stop + start %.2f s)%n", i < warmups ? "warm-up" : "run " + (i - warmups + 1),
                    t, s);
            if (i >= warmups) {
                cp.add(t);
                cpStopStart.add(s);
            }
        }
        results.add(new Result("datadir create (DatadirSnapshot.create: stop, copy, start)", create));
        results.add(new Result("datadir create without the server's stop and start", createCopy));
        results.add(new Result("datadir create, copy step alone (its own clock, without stop and start)", createStep));
        results.add(new Result("datadir restore (DatadirSnapshot.restore: stop, move aside, copy back, delete aside,"
                + " start, drop the snapshot)", restore));
        results.add(new Result("datadir restore without the server's stop and start", restoreCopy));
        results.add(new Result("datadir restore, move aside + copy back + delete aside (its own clock)", restoreStep));
        results.add(new Result("server stop + start inside datadir create", stopStart));
        results.add(new Result("cp -a of the stopped data directory", cp));
        results.add(new Result("server stop + start around cp -a (not in the cp -a figure)", cpStopStart));
    }

    /** Keeps the debug lines of a strategy, which carry its own timing. */
    private static final class CapturingLog implements EngineLog {
        private static final Pattern MILLIS = Pattern.compile(" in (\\d+) ms");
        private final List<String> lines = new ArrayList<>();

        /** The {@code N ms} at the end of the debug line containing {@code marker}. */
        double millis(String marker) {
            for (String line : lines) {
                Matcher m = MILLIS.matcher(line);
                if (line.contains(marker) && m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
            throw new IllegalStateException("no debug line with '" + marker + "' in " + lines);
        }

        @Override
        public void debug(String message) {
            lines.add(message);
        }

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            System.out.println("WARN " + message);
        }

        @Override
        public void error(String message) {
            System.out.println("ERROR " + message);
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }
    }

    /** Adds up the time the server takes to stop and start, which a datadir snapshot includes. */
    private static final class TimedControl implements ServerControl {
        private final ServerControl delegate;
        private long nanos;

        TimedControl(ServerControl delegate) {
            this.delegate = delegate;
        }

        void reset() {
            nanos = 0;
        }

        double seconds() {
            return nanos / 1e9;
        }

        @Override
        public void stop() {
            long t = System.nanoTime();
            delegate.stop();
            nanos += System.nanoTime() - t;
        }

        @Override
        public void start() {
            long t = System.nanoTime();
            delegate.start();
            nanos += System.nanoTime() - t;
        }
    }

    // ------------------------------------------------------------------------------------------------ results

    private void printResults(int rows, double factor) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%d tables x %d rows; %d timed runs after %d warm-up%n%n", TABLES, rows, runs,
                warmups));
        out.append("| Measurement | Median (s) | Runs (s) |\n|---|---:|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", r.label(), fmt(r.median()),
                    r.runs().stream().map(SnapshotBenchmark::fmt).collect(Collectors.joining(" "))));
        }
        double logical = median("logical create (LogicalSnapshot.create)") + median("logical restore (LogicalSnapshot.restore)");
        double dump = median("mariadb-dump") + median("mariadb < file");
        out.append(String.format(Locale.ROOT, "%nlogical create + restore / (dump + reload) = %.2f / %.2f = %.2f (target <= 0.5: %s)%n",
                logical, dump, logical / dump, logical / dump <= 0.5 ? "met" : "not met"));
        double targeted = median("targeted create + drop");
        out.append(String.format(Locale.ROOT, "development mode's snapshot cost, one small table written: %.3f s (target"
                + " <= 0.5 s over production mode: %s)%n", targeted, targeted <= 0.5 ? "met" : "not met"));
        double restore = median("logical restore (LogicalSnapshot.restore)");
        out.append(String.format(Locale.ROOT, "logical restore median %.3f s (target < 1 s: %s)%n", restore,
                restore < 1 ? "met" : "not met"));
        if (factor > 0) {
            double second = median("logical restore (LogicalSnapshot.restore) (" + SCHEMA + "_second");
            out.append(String.format(Locale.ROOT, "logical restore at %sx the rows: %.3f s; second / first = %.2f%n",
                    factor, second, second / restore));
        }
        double cp = median("cp -a of the stopped");
        double copy = median("datadir create without");
        double step = median("datadir create, copy step");
        double create = median("datadir create (");
        double stopStart = median("server stop + start around cp -a");
        out.append(String.format(Locale.ROOT, "datadir create without stop/start / cp -a = %.2f / %.2f = %.2f (target <= 1.5:"
                + " %s)%n", copy, cp, copy / cp, copy / cp <= 1.5 ? "met" : "not met"));
        out.append(String.format(Locale.ROOT, "datadir copy step alone / cp -a = %.2f / %.2f = %.2f%n", step, cp, step / cp));
        out.append(String.format(Locale.ROOT, "datadir create / (stop + cp -a + start) = %.2f / %.2f = %.2f%n", create,
                cp + stopStart, create / (cp + stopStart)));
        out.append(String.format(Locale.ROOT, "datadir restore without stop/start / cp -a = %.2f / %.2f = %.2f%n",
                median("datadir restore without"), cp, median("datadir restore without") / cp));
        System.out.print(out);
        Files.writeString(work.resolve("results.md"), out.toString());
    }

    private double median(String labelPrefix) {
        return results.stream().filter(r -> r.label().startsWith(labelPrefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result " + labelPrefix)).median();
    }

    private record Result(String label, List<Double> runs) {
        double median() {
            double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, seconds < 1 ? "%.3f" : "%.2f", seconds);
    }

    // ------------------------------------------------------------------------------------------- generating

    /**
     * 20 tables: an INT key, INT and VARCHAR columns, a secondary index, and TEXT (200 to 1,000 characters) and BLOB
     * (100 to 700 bytes) of random content. t01 to t04 reference t00; a view joins t01 to t00; t02 has a trigger.
     */
    private static void generate(ConnectionSettings db, int rows) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        char[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ".toCharArray();
        char[] text = new char[1 << 20];
        for (int i = 0; i < text.length; i++) {
            text[i] = alphabet[random.nextInt(alphabet.length)];
        }
        String textPool = new String(text);
        byte[] bytePool = new byte[1 << 20];
        for (int i = 0; i < bytePool.length; i++) {
            bytePool[i] = (byte) random.nextInt(256);
        }
        LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (Connection c = DatabaseConnector.open(db); Statement s = c.createStatement()) {
            for (int t = 0; t < TABLES; t++) {
                boolean fk = t >= 1 && t <= FK_TABLES;
                String table = table(t);
                s.execute("CREATE TABLE " + table + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                        + (fk ? " parent_id INT NOT NULL," : "")
                        + " code VARCHAR(32) NOT NULL, qty INT NOT NULL, title VARCHAR(200) NOT NULL, body TEXT,"
                        + " payload BLOB, created DATETIME NOT NULL, KEY " + table + "_code (code)"
                        + (fk ? ", CONSTRAINT " + table + "_parent_fk FOREIGN KEY (parent_id) REFERENCES t00 (id)" : "")
                        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " ("
                        + (fk ? "parent_id, " : "") + "code, qty, title, body, payload, created) VALUES ("
                        + (fk ? "?, " : "") + "?, ?, ?, ?, ?, ?)")) {
                    for (int r = 1; r <= rows; r++) {
                        int i = 1;
                        if (fk) {
                            insert.setInt(i++, 1 + random.nextInt(rows));
                        }
                        insert.setString(i++, "C" + t + "-" + random.nextInt(1_000_000));
                        insert.setInt(i++, random.nextInt());
                        insert.setString(i++, slice(textPool, random, 50, 150));
                        insert.setString(i++, slice(textPool, random, 200, 1000));
                        int length = 100 + random.nextInt(600);
                        int from = random.nextInt(bytePool.length - length);
                        insert.setBytes(i++, Arrays.copyOfRange(bytePool, from, from + length));
                        insert.setTimestamp(i, Timestamp.valueOf(epoch.plusSeconds(random.nextInt(30_000_000))));
                        insert.addBatch();
                        if (r % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            s.execute("CREATE VIEW v_t01_parent AS SELECT c.id, c.code, c.qty, p.title AS parent_title FROM t01 c"
                    + " JOIN t00 p ON p.id = c.parent_id");
            s.execute("CREATE TRIGGER t02_code_upper BEFORE INSERT ON t02 FOR EACH ROW SET NEW.code = UPPER(NEW.code)");
            for (int t = 0; t < TABLES; t++) {
                try (ResultSet ignored = s.executeQuery("ANALYZE TABLE " + table(t))) {
                    // statistics, so information_schema reports the sizes as they are
                }
            }
        }
    }

    private static String slice(String pool, SplittableRandom random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        int from = random.nextInt(pool.length() - length);
        return pool.substring(from, from + length);
    }

    private static String table(int t) {
        return String.format(Locale.ROOT, "t%02d", t);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static ConnectionSettings settings(EmbeddedMariaDb server, String database) {
        return new ConnectionSettings(JdbcUrl.parse(server.jdbcUrl(database) + "?rewriteBatchedStatements=true"), "root",
                "");
    }

    private static void reportSize(ConnectionSettings db, String schema, Path data) throws Exception {
        long rows = counts(db, schema).entrySet().stream().filter(e -> !e.getKey().startsWith("("))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("schema %s: %d rows in base tables, %s (information_schema data_length + index_length); du -sh:"
                + " %s for %s/%s, %s for the whole data directory%n", schema, rows, sizeOf(db, schema),
                du(data.resolve(schema)), data.getFileName(), schema, du(data));
    }

    /** Row counts of the base tables, plus the number of views and triggers as two extra entries. */
    private static Map<String, Long> counts(ConnectionSettings db, String schema) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DatabaseConnector.open(db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM `" + schema + "`.`" + table + "`")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            for (String[] kind : new String[][] {{"views", "views"}, {"triggers", "triggers"}}) {
                String column = kind[0].equals("views") ? "table_schema" : "trigger_schema";
                try (ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM information_schema." + kind[1] + " WHERE "
                        + column + " = '" + schema + "'")) {
                    rows.next();
                    counts.put("(" + kind[0] + ")", rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static void verify(ConnectionSettings db, String schema, Map<String, Long> expected, String after) {
        Map<String, Long> actual = counts(db, schema);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("after " + after + " schema " + schema + " has " + actual + ", expected "
                    + expected);
        }
    }

    private static void execute(ConnectionSettings db, String sql) throws SQLException {
        try (Connection c = DatabaseConnector.openServer(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String scalar(ConnectionSettings db, String sql) throws SQLException {
        try (Connection c = DatabaseConnector.openServer(db); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** {@code du -sh} (blocks on disk), and in brackets the apparent size (which a copy reads). */
    private static String du(Path dir) {
        return command(List.of("du", "-sh", dir.toString())).split("\\s+")[0] + " ("
                + command(List.of("du", "-sh", "--apparent-size", dir.toString())).split("\\s+")[0] + " apparent)";
    }

    /** data_length + index_length of a schema, from information_schema (statistics fresh after ANALYZE TABLE). */
    private static String sizeOf(ConnectionSettings db, String schema) {
        try {
            return mb(Long.parseLong(scalar(db, "SELECT SUM(data_length + index_length) FROM information_schema.tables"
                    + " WHERE table_schema = '" + schema + "'")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Runs a command, returns its output; fails on a non-zero exit. */
    private static String command(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double time(Timed action) {
        long t = System.nanoTime();
        try {
            action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
