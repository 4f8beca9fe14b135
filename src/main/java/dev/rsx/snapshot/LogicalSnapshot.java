package dev.rsx.snapshot;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.snapshot.SchemaObjects.Definition;
import dev.rsx.snapshot.SchemaObjects.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Snapshots one schema over JDBC alone, so it works on any server the plugin can connect to, remote ones included.
 *
 * <p>{@link #create} copies every table with its data into a shadow schema on the same server, {@code rsx_snap_<hash>}
 * (the hash derived from schema and snapshot name), and stores the definitions of views, triggers, routines and
 * events and every table's AUTO_INCREMENT counter in it. Two metadata tables in the shadow schema record the rest:
 * {@code _rsx_snapshot} (one row: name, source schema, server, time, size and {@link SnapshotState state}) and
 * {@code _rsx_objects} (the definitions). The state is written before each step, so a killed run leaves a snapshot that
 * says what it is: {@code CREATING} is incomplete, {@code RESTORING} is finished by restoring again.
 *
 * <p>{@link #restore} drops the schema's current objects and tables and moves the shadow tables back with one
 * {@code RENAME TABLE}, which costs time per table, not per row; then it creates the other objects again, puts the
 * counters back and drops the shadow schema. Each step first looks at what is where, so an interrupted restore is
 * completed by running it again.
 *
 * <p>Tables are created in the shadow schema from their {@code SHOW CREATE TABLE} text rather than with {@code CREATE
 * TABLE ... LIKE}, which leaves foreign keys out; the foreign keys follow their tables through the rename.
 *
 * <p>The server's identity is its host name plus {@code @@server_uuid} (MySQL) or {@code @@datadir} (MariaDB, which
 * has no server UUID). The port is recorded and shown but not compared: the embedded server listens on a new port
 * each time it starts, and two servers on one host never share a data directory.
 *
 * <p>Not covered (creating a snapshot refuses them rather than restore them inexactly): MariaDB sequences and
 * system-versioned tables. The snapshot is consistent as long as nothing else writes to the schema while it is taken.
 */
public final class LogicalSnapshot implements SnapshotStrategy {

    static final String PREFIX = "rsx_snap_";
    static final String META = "_rsx_snapshot";
    static final String OBJECTS = "_rsx_objects";
    private static final int MAX_PARALLEL_COPIES = 4;
    /** Server error codes. */
    private static final int ER_DB_CREATE_EXISTS = 1007;
    private static final int ER_DBACCESS_DENIED = 1044;
    private static final int ER_TABLEACCESS_DENIED = 1142;
    private static final int ER_SPECIFIC_ACCESS_DENIED = 1227;
    private static final int ER_BAD_DB = 1049;
    private static final int ER_NO_SUCH_TABLE = 1146;
    /** The session sql_mode of every statement the copy and restore run themselves, as mysqldump uses it. */
    private static final String COPY_SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
    private static final DateTimeFormatter UTC_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final ConnectionSettings database;
    private final int parallelCopies;
    /** Called with the name of each step as it completes; tests use it to simulate a kill at that point. */
    Consumer<String> afterStep = step -> {};

    public LogicalSnapshot(ConnectionSettings database) {
        this(database, MAX_PARALLEL_COPIES);
    }

    LogicalSnapshot(ConnectionSettings database, int parallelCopies) {
        if (database.database() == null) {
            throw new SnapshotException("A logical snapshot needs a database in rsx.url (jdbc:mysql://host:3306/database).");
        }
        this.database = database;
        this.parallelCopies = Math.max(1, parallelCopies);
    }

    @Override
    public String name() {
        return "logical";
    }

    /** The shadow schema that holds snapshot {@code name} of {@code schema}: at most 49 characters. */
    public static String shadowSchema(String schema, String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((schema + '\u0000' + name).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String schema() {
        return database.database();
    }

    // ---------------------------------------------------------------------------------------------------- create

    @Override
    public Snapshot create(String name, EngineLog log) {
        return create(name, (Set<String>) null, log);
    }

    /**
     * Copies only the tables of {@link TargetedTables} and records the others as left in place; everything when the
     * schema makes that set unknowable, or {@code written} is null. Definitions of views, triggers, routines and
     * events are kept in either case.
     */
    @Override
    public Snapshot create(String name, Set<String> written, EngineLog log) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new SnapshotException("A snapshot name must have 1 to 255 characters; '" + name + "' has not.");
        }
        long started = System.nanoTime();
        String shadow = shadowSchema(schema(), name);
        try (Connection c = DatabaseConnector.open(database)) {
            ServerId server = ServerId.of(c);
            Optional<Snapshot> existing = read(c, shadow, name, server);
            if (existing.isPresent()) {
                throw exists(existing.get());
            }
            setSession(c, log);
            List<Table> all = SchemaObjects.tables(c, schema());
            List<Table> tables = copied(c, all, written, log);
            checkSupported(tables);
            List<Definition> objects = new ArrayList<>();
            int ord = 0;
            Set<Table> copying = Set.copyOf(tables);
            for (Table table : all) {
                if (!copying.contains(table)) {
                    objects.add(new Definition(SchemaObjects.TABLE_LEFT_IN_PLACE, table.name(), "", ord++, null, null,
                            null, null));
                }
            }
            Map<String, List<String>> columns = new HashMap<>();
            long bytes = 0;
            for (Table table : tables) {
                objects.add(new Definition(SchemaObjects.TABLE, table.name(), SchemaObjects.showCreateTable(c, schema(),
                        table.name()), ord++, null, null, null, null));
                if (table.autoIncrement() != null) {
                    objects.add(new Definition(SchemaObjects.AUTO_INCREMENT, table.name(), table.autoIncrement().toString(),
                            ord++, null, null, null, null));
                }
                columns.put(table.name(), SchemaObjects.insertableColumns(c, schema(), table.name()));
                bytes += table.bytes();
            }
            objects.addAll(SchemaObjects.readDefinitions(c, schema()));
            checkFreeSpace(c, bytes, log);
            boolean binlogOff = disableBinlog(c, log);

            Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what DATETIME(6) keeps
            try {
                writeMetadata(c, shadow, name, server, createdAt, bytes, binlogOff, objects);
            } catch (SQLException e) {
                if (e.getErrorCode() == ER_DB_CREATE_EXISTS) {
                    throw new SnapshotException("A snapshot named '" + name + "' of schema " + schema() + " was created"
                            + " by someone else at the same moment. " + dropHint(name));
                }
                throw e;
            }
            Snapshot snapshot;
            try {
                afterStep.accept("metadata-written");
                copyTables(c, shadow, tables, columns, objects, log);
                afterStep.accept("copied");
                setState(c, shadow, SnapshotState.READY);
                snapshot = new Snapshot(name, name(), server.display(), schema(), createdAt, bytes, SnapshotState.READY);
            } catch (SQLException | RuntimeException e) {
                dropQuietly(c, shadow, log);
                throw e;
            }
            long others = objects.stream().filter(d -> !d.kind().equals(SchemaObjects.TABLE)
                    && !d.kind().equals(SchemaObjects.AUTO_INCREMENT)).count();
            log.debug("Snapshot '" + name + "' of schema " + schema() + ": " + tables.size() + " tables ("
                    + megabytes(bytes) + ") and " + others + " views, triggers, routines and events copied into "
                    + shadow + " in " + millis(started) + " ms.");
            return snapshot;
        } catch (SQLException e) {
            String hint = isAccessDenied(e) ? " The user needs CREATE, DROP, INSERT, SELECT and ALTER on databases named "
                    + PREFIX + "... (GRANT ALL ON `rsx\\_snap\\_%`.* TO ...)." : "";
            throw new SnapshotException("Taking snapshot '" + name + "' of schema " + schema() + " on "
                    + database.url().hostAndPort() + " failed: " + e.getMessage() + "." + hint + " Nothing was kept; fix the"
                    + " cause and try again.", e);
        }
    }

    /**
     * The tables to copy: all of them, unless {@code written} is given and {@link TargetedTables} can bound it. An
     * empty schema has nothing to narrow down.
     */
    private List<Table> copied(Connection c, List<Table> all, Set<String> written, EngineLog log) throws SQLException {
        if (written == null || all.isEmpty()) {
            return all;
        }
        TargetedTables.Scope scope = TargetedTables.of(c, schema(), all.stream().map(Table::name).toList(), written);
        if (!scope.bounded()) {
            log.info("Snapshot of every table: " + scope.copyEverythingBecause() + ".");
            return all;
        }
        List<Table> copied = all.stream().filter(t -> scope.tables().contains(t.name())).toList();
        log.info("Snapshot of the " + copied.size() + " of " + all.size() + " tables the pending migrations can change ("
                + megabytes(copied.stream().mapToLong(Table::bytes).sum()) + " of "
                + megabytes(all.stream().mapToLong(Table::bytes).sum()) + "); the others stay in place.");
        return copied;
    }

    private void checkSupported(List<Table> tables) {
        for (Table table : tables) {
            if (table.name().equals(META) || table.name().equals(OBJECTS)) {
                throw new SnapshotException("Schema " + schema() + " has a table named " + table.name() + ", the name the"
                        + " logical snapshot uses for its own metadata. Rename that table, or use rsx.snapshot.strategy=datadir.");
            }
            if (!table.type().equals("BASE TABLE")) {
                throw new SnapshotException("Table " + schema() + "." + table.name() + " is a " + table.type()
                        + ", which a logical snapshot cannot copy exactly. Use rsx.snapshot.strategy=datadir for this schema.");
            }
        }
    }

    /**
     * Refuses when the server says its disk has less room than the schema's tables take. Over JDBC the free space of
     * the data directory's disk is only visible through MariaDB's optional DISKS plugin; without it the check is
     * skipped, and says so in the debug log.
     */
    private void checkFreeSpace(Connection c, long bytes, EngineLog log) throws SQLException {
        String datadir;
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT @@datadir")) {
            rows.next();
            datadir = rows.getString(1);
        }
        String mount = null;
        long availableKib = -1;
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT path, available FROM information_schema.disks")) {
            while (rows.next()) {
                String path = rows.getString(1);
                if (datadir != null && path != null && datadir.startsWith(path) && (mount == null || path.length() > mount.length())) {
                    mount = path;
                    availableKib = rows.getLong(2);
                }
            }
        } catch (SQLException e) {
            log.debug("Free space for the snapshot not checked: the server does not report the free space of its data"
                    + " directory over SQL (information_schema.DISKS: " + e.getMessage() + "). The schema's tables take about "
                    + megabytes(bytes) + ".");
            return;
        }
        if (mount == null) {
            log.debug("Free space for the snapshot not checked: information_schema.DISKS lists no disk holding " + datadir + ".");
            return;
        }
        long needed = bytes + bytes / 10;
        if (availableKib * 1024 < needed) {
            throw new SnapshotException("Not enough free space for a snapshot of schema " + schema() + ": its tables take about "
                    + megabytes(bytes) + " and the disk holding the server's data directory (" + mount + ") has "
                    + megabytes(availableKib * 1024) + " free. Free some space on the server, or disable snapshots.");
        }
        log.debug("Free space for the snapshot: " + megabytes(availableKib * 1024) + " on " + mount + ", about "
                + megabytes(bytes) + " needed.");
    }

    private void writeMetadata(Connection c, String shadow, String name, ServerId server, Instant createdAt, long bytes,
            boolean binlogOff, List<Definition> objects) throws SQLException {
        String charset = "utf8mb4";
        String collation = null;
        try (PreparedStatement s = c.prepareStatement("SELECT default_character_set_name, default_collation_name"
                + " FROM information_schema.schemata WHERE schema_name = ?")) {
            s.setString(1, schema());
            try (ResultSet rows = s.executeQuery()) {
                if (rows.next()) {
                    charset = rows.getString(1);
                    collation = rows.getString(2);
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + SchemaObjects.quote(shadow) + " CHARACTER SET " + charset
                    + (collation == null ? "" : " COLLATE " + collation));
            s.execute("CREATE TABLE " + SchemaObjects.qualified(shadow, META) + " (name VARCHAR(255) NOT NULL,"
                    + " source_schema VARCHAR(64) NOT NULL, server_host VARCHAR(255) NOT NULL, server_port INT NOT NULL,"
                    + " server_id VARCHAR(1024) NOT NULL, created_at DATETIME(6) NOT NULL, size_bytes BIGINT NOT NULL,"
                    + " state VARCHAR(16) NOT NULL, binlog_off TINYINT NOT NULL)"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SchemaObjects.qualified(shadow, META)
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, name);
            s.setString(2, schema());
            s.setString(3, server.host());
            s.setInt(4, server.port());
            s.setString(5, server.id());
            s.setString(6, UTC_DATETIME.format(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)));
            s.setLong(7, bytes);
            s.setString(8, SnapshotState.CREATING.name());
            s.setInt(9, binlogOff ? 1 : 0);
            s.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + SchemaObjects.qualified(shadow, OBJECTS) + " (kind VARCHAR(16) NOT NULL,"
                    + " name VARCHAR(255) NOT NULL, definition LONGTEXT NOT NULL, ord INT NOT NULL, sql_mode VARCHAR(1024),"
                    + " character_set_client VARCHAR(64), collation_connection VARCHAR(64), time_zone VARCHAR(64),"
                    + " PRIMARY KEY (kind, name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SchemaObjects.qualified(shadow, OBJECTS)
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Definition d : objects) {
                s.setString(1, d.kind());
                s.setString(2, d.name());
                s.setString(3, d.definition());
                s.setInt(4, d.ord());
                s.setString(5, d.sqlMode());
                s.setString(6, d.characterSetClient());
                s.setString(7, d.collationConnection());
                s.setString(8, d.timeZone());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Creates every table in the shadow schema (in this session: DDL is quick, and doing it first keeps the copies
     * from waiting on each other's metadata locks), then copies the rows with up to {@link #parallelCopies}
     * connections, largest tables first.
     */
    private void copyTables(Connection c, String shadow, List<Table> tables, Map<String, List<String>> columns,
            List<Definition> objects, EngineLog log) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        String previous = c.getCatalog();
        c.setCatalog(shadow);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (Definition d : objects) {
                if (d.kind().equals(SchemaObjects.TABLE)) {
                    s.execute(d.definition());
                }
            }
        } finally {
            c.setCatalog(previous);
        }
        Queue<Table> queue = new ConcurrentLinkedQueue<>(tables.stream()
                .sorted(Comparator.comparingLong(Table::bytes).reversed()).toList());
        int workers = Math.min(parallelCopies, tables.size());
        AtomicBoolean failed = new AtomicBoolean();
        // Progress advances a table at a time (by its size as information_schema estimates it).
        CopyProgress progress = new CopyProgress("Copying schema " + schema() + " into its snapshot",
                tables.stream().mapToLong(Table::bytes).sum(), log);
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "rsx-snapshot-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> copies = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                copies.add(pool.submit(() -> {
                    try (Connection copy = DatabaseConnector.open(database)) {
                        setSession(copy, log);
                        disableBinlog(copy, EngineLog.silent());
                        Table table;
                        while (!failed.get() && (table = queue.poll()) != null) {
                            copyRows(copy, shadow, table, columns.get(table.name()), log);
                            synchronized (progress) {
                                progress.add(table.bytes());
                            }
                        }
                    } catch (SQLException | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<Void> copy : copies) {
                try {
                    copy.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw new SnapshotException("Interrupted while copying schema " + schema() + " into its snapshot.", e);
                }
            }
            if (first == null) {
                progress.finish();
            }
            if (first instanceof SQLException e) {
                throw e;
            } else if (first instanceof RuntimeException e) {
                throw e;
            } else if (first instanceof Error e) {
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void copyRows(Connection c, String shadow, Table table, List<String> columns, EngineLog log) throws SQLException {
        long started = System.nanoTime();
        String list = String.join(", ", columns.stream().map(SchemaObjects::quote).toList());
        try (Statement s = c.createStatement()) {
            int rows = s.executeUpdate("INSERT INTO " + SchemaObjects.qualified(shadow, table.name()) + " (" + list + ") SELECT "
                    + list + " FROM " + SchemaObjects.qualified(schema(), table.name()));
            log.debug("Copied " + rows + " rows of " + table.name() + " in " + millis(started) + " ms.");
        }
    }

    // --------------------------------------------------------------------------------------------------- restore

    @Override
    public void restore(String name, EngineLog log) {
        long started = System.nanoTime();
        String shadow = shadowSchema(schema(), name);
        String step = "reading the snapshot";
        try (Connection c = DatabaseConnector.open(database)) {
            ServerId server = ServerId.of(c);
            Optional<Stored> found = readStored(c, shadow);
            if (found.isEmpty()) {
                if (schemaExists(c, shadow)) {
                    throw incomplete(name, shadow);
                }
                throw new SnapshotException("There is no snapshot named '" + name + "' of schema " + schema() + " on "
                        + database.url().hostAndPort() + ". List the snapshots with: mvn rsx:snapshot"
                        + " -Drsx.snapshot.action=list");
            }
            Stored stored = found.get();
            if (!stored.schema().equals(schema())) {
                throw new SnapshotException("Snapshot '" + name + "' (" + shadow + ") was taken of schema " + stored.schema()
                        + ", not of " + schema() + "; it is never restored onto another schema. Connect to " + stored.schema()
                        + " to restore it, or drop it.");
            }
            if (!server.sameServer(stored.host(), stored.serverId())) {
                throw new SnapshotException("Snapshot '" + name + "' of schema " + schema() + " was taken on server "
                        + stored.host() + ":" + stored.port() + " " + stored.serverId() + ", but this is server " + server.display()
                        + " (a copy or replica of it?); it is never restored onto another server. " + dropHint(name));
            }
            if (stored.state() == SnapshotState.CREATING) {
                throw incomplete(name, shadow);
            }
            setSession(c, log);
            if (stored.binlogOff()) {
                disableBinlog(c, log);
            }
            if (stored.state() != SnapshotState.RESTORING) {
                setState(c, shadow, SnapshotState.RESTORING);
            } else {
                log.info("Continuing the interrupted restore of snapshot '" + name + "'.");
            }
            List<Definition> objects = readObjects(c, shadow);

            step = "dropping the schema's views, triggers, routines and events";
            SchemaObjects.dropProgrammableObjects(c, schema());
            afterStep.accept("objects-dropped");

            step = "putting the tables back";
            int moved = moveTablesBack(c, shadow, objects);

            step = "re-creating routines, views, triggers and events";
            recreate(c, objects);
            afterStep.accept("objects-created");

            step = "restoring the AUTO_INCREMENT counters";
            try (Statement s = c.createStatement()) {
                for (Definition d : objects) {
                    if (d.kind().equals(SchemaObjects.AUTO_INCREMENT)) {
                        s.execute("ALTER TABLE " + SchemaObjects.qualified(schema(), d.name()) + " AUTO_INCREMENT = "
                                + Long.parseLong(d.definition()));
                    }
                }
            }
            afterStep.accept("counters-restored");

            step = "dropping the restored snapshot";
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + SchemaObjects.quote(shadow));
            }
            log.debug("Restored snapshot '" + name + "' of schema " + schema() + " in " + millis(started) + " ms ("
                    + moved + " tables moved back with one RENAME TABLE).");
        } catch (SQLException e) {
            throw new SnapshotException("Restoring snapshot '" + name + "' of schema " + schema() + " on "
                    + database.url().hostAndPort() + " failed while " + step + ": " + e.getMessage() + ". The snapshot is kept;"
                    + " fix the cause and run the restore again to complete it: mvn rsx:snapshot -Drsx.snapshot.action=restore"
                    + " -Drsx.snapshot.name=" + name, e);
        }
    }

    /**
     * Drops the live tables that are not the snapshot's (created since, or still waiting to be replaced) and moves
     * the snapshot's tables that are still in the shadow schema back, in one RENAME TABLE. Tables a previous,
     * interrupted restore moved already are left alone.
     *
     * @return how many tables were moved
     */
    private int moveTablesBack(Connection c, String shadow, List<Definition> objects) throws SQLException {
        Set<String> snapshotTables = new LinkedHashSet<>();
        Set<String> leftInPlace = new LinkedHashSet<>();
        for (Definition d : objects) {
            if (d.kind().equals(SchemaObjects.TABLE)) {
                snapshotTables.add(d.name());
            } else if (d.kind().equals(SchemaObjects.TABLE_LEFT_IN_PLACE)) {
                leftInPlace.add(d.name());
            }
        }
        Set<String> inShadow = new LinkedHashSet<>();
        for (Table t : SchemaObjects.tables(c, shadow)) {
            if (!t.name().equals(META) && !t.name().equals(OBJECTS)) {
                inShadow.add(t.name());
            }
        }
        Set<String> live = new LinkedHashSet<>();
        for (Table t : SchemaObjects.tables(c, schema())) {
            live.add(t.name());
        }
        List<String> missing = snapshotTables.stream().filter(t -> !inShadow.contains(t) && !live.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new SnapshotException("Snapshot " + shadow + " is damaged: table(s) " + String.join(", ", missing)
                    + " are neither in it nor in schema " + schema() + ". Restore the schema from a backup, then drop the"
                    + " snapshot.");
        }
        List<String> gone = leftInPlace.stream().filter(t -> !live.contains(t)).toList();
        if (!gone.isEmpty()) {
            throw new SnapshotException("Snapshot " + shadow + " left table(s) " + String.join(", ", gone) + " in place,"
                    + " as nothing pending was to write them, but they are gone from schema " + schema() + ". Restore them"
                    + " from a backup, then drop the snapshot; please report the migration that dropped them.");
        }
        List<String> drop = live.stream().filter(t -> !leftInPlace.contains(t))
                .filter(t -> !snapshotTables.contains(t) || inShadow.contains(t)).toList();
        try (Statement s = c.createStatement()) {
            if (!drop.isEmpty()) {
                s.execute("DROP TABLE IF EXISTS " + String.join(", ", drop.stream()
                        .map(t -> SchemaObjects.qualified(schema(), t)).toList()));
            }
            afterStep.accept("tables-dropped");
            List<String> move = snapshotTables.stream().filter(inShadow::contains).toList();
            if (!move.isEmpty()) {
                s.execute("RENAME TABLE " + String.join(", ", move.stream().map(t -> SchemaObjects.qualified(shadow, t)
                        + " TO " + SchemaObjects.qualified(schema(), t)).toList()));
            }
            afterStep.accept("tables-moved");
            return move.size();
        }
    }

    /** Creates routines, views (retrying those that depend on views not created yet), triggers and events. */
    private void recreate(Connection c, List<Definition> objects) throws SQLException {
        for (String kind : SchemaObjects.CREATION_ORDER) {
            List<Definition> pending = objects.stream().filter(d -> d.kind().equals(kind))
                    .sorted(Comparator.comparingInt(Definition::ord)).toList();
            while (!pending.isEmpty()) {
                List<Definition> failed = new ArrayList<>();
                Map<String, String> errors = new HashMap<>();
                for (Definition d : pending) {
                    try {
                        SchemaObjects.create(c, d);
                    } catch (SQLException e) {
                        if (!kind.equals(SchemaObjects.VIEW)) {
                            throw new SnapshotException("Re-creating " + kind + " " + schema() + "." + d.name() + " failed: "
                                    + e.getMessage() + ". Its definition is kept in the snapshot (table " + OBJECTS + ");"
                                    + " fix the cause (often the DEFINER user, or the privilege to create it for another user)"
                                    + " and run the restore again.", e);
                        }
                        failed.add(d);
                        errors.put(d.name(), e.getMessage());
                    }
                }
                if (failed.size() == pending.size()) {
                    throw new SnapshotException("Re-creating view(s) " + String.join(", ", failed.stream().map(Definition::name)
                            .toList()) + " of schema " + schema() + " failed: " + errors + ". Their definitions are kept in the"
                            + " snapshot (table " + OBJECTS + "); fix the cause and run the restore again.");
                }
                pending = failed;
            }
        }
    }

    private List<Definition> readObjects(Connection c, String shadow) throws SQLException {
        List<Definition> objects = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT kind, name, definition, ord, sql_mode,"
                + " character_set_client, collation_connection, time_zone FROM " + SchemaObjects.qualified(shadow, OBJECTS)
                + " ORDER BY ord")) {
            while (rows.next()) {
                objects.add(new Definition(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
            }
        }
        return objects;
    }

    // ------------------------------------------------------------------------------------------------ drop, list

    @Override
    public void drop(String name, EngineLog log) {
        String shadow = shadowSchema(schema(), name);
        try (Connection c = DatabaseConnector.open(database); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SchemaObjects.quote(shadow));
            log.debug("Dropped snapshot '" + name + "' of schema " + schema() + " (" + shadow + ").");
        } catch (SQLException e) {
            throw new SnapshotException("Dropping snapshot '" + name + "' of schema " + schema() + " (database " + shadow
                    + ") failed: " + e.getMessage() + ". Drop it by hand: DROP DATABASE `" + shadow + "`", e);
        }
    }

    @Override
    public List<Snapshot> list() {
        try (Connection c = DatabaseConnector.open(database)) {
            List<String> shadows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT schema_name FROM"
                    + " information_schema.schemata WHERE schema_name LIKE 'rsx\\_snap\\_%' ORDER BY schema_name")) {
                while (rows.next()) {
                    shadows.add(rows.getString(1));
                }
            }
            List<Snapshot> snapshots = new ArrayList<>();
            for (String shadow : shadows) {
                try {
                    readStored(c, shadow).filter(stored -> stored.schema().equals(schema()))
                            .ifPresent(stored -> snapshots.add(stored.snapshot()));
                } catch (SQLException e) {
                    if (!isAccessDenied(e)) {
                        throw e;
                    }
                    // Another user's snapshot, of a schema this user cannot see either.
                }
            }
            snapshots.sort(Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::name));
            return snapshots;
        } catch (SQLException e) {
            throw new SnapshotException("Listing the snapshots of schema " + schema() + " on " + database.url().hostAndPort()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** Also finds a snapshot whose run was killed before it wrote its metadata; that one is {@code CREATING}. */
    @Override
    public Optional<Snapshot> find(String name) {
        try (Connection c = DatabaseConnector.open(database)) {
            return find(name, c);
        } catch (SQLException e) {
            throw findFailed(name, e);
        }
    }

    @Override
    public Optional<Snapshot> find(String name, Connection connection) {
        String shadow = shadowSchema(schema(), name);
        try {
            // Every production-mode run asks; nearly always there is none, which one query answers.
            return schemaExists(connection, shadow) ? read(connection, shadow, name, ServerId.of(connection))
                    : Optional.empty();
        } catch (SQLException e) {
            throw findFailed(name, e);
        }
    }

    private SnapshotException findFailed(String name, SQLException e) {
        return new SnapshotException("Looking for snapshot '" + name + "' of schema " + schema() + " on "
                + database.url().hostAndPort() + " failed: " + e.getMessage(), e);
    }

    private Optional<Snapshot> read(Connection c, String shadow, String name, ServerId server) throws SQLException {
        Optional<Stored> stored = readStored(c, shadow);
        if (stored.isPresent()) {
            return Optional.of(stored.get().snapshot());
        }
        if (schemaExists(c, shadow)) {
            return Optional.of(new Snapshot(name, name(), server.display(), schema(), Instant.EPOCH, 0, SnapshotState.CREATING));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The metadata row of {@code shadow}; empty when the schema or its metadata does not exist (yet). */
    private Optional<Stored> readStored(Connection c, String shadow) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT name, source_schema, server_host,"
                + " server_port, server_id, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%fZ'), size_bytes, state, binlog_off"
                + " FROM " + SchemaObjects.qualified(shadow, META))) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Stored(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                    rows.getString(5), Instant.parse(rows.getString(6)), rows.getLong(7),
                    SnapshotState.valueOf(rows.getString(8)), rows.getInt(9) != 0));
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_NO_SUCH_TABLE || e.getErrorCode() == ER_BAD_DB) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isAccessDenied(SQLException e) {
        return e.getErrorCode() == ER_DBACCESS_DENIED || e.getErrorCode() == ER_TABLEACCESS_DENIED
                || e.getErrorCode() == ER_SPECIFIC_ACCESS_DENIED;
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            s.setString(1, schema);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void setState(Connection c, String shadow, SnapshotState state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + SchemaObjects.qualified(shadow, META) + " SET state = ?")) {
            s.setString(1, state.name());
            s.executeUpdate();
        }
    }

    /** The session every copy and restore statement runs in: no foreign key checks, values copied as they are. */
    private static void setSession(Connection c, EngineLog log) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION foreign_key_checks = 0");
            s.execute("SET SESSION unique_checks = 0");
            s.execute("SET SESSION sql_mode = '" + COPY_SQL_MODE + "'");
            s.execute("SET SESSION time_zone = '+00:00'");
            try {
                // MySQL 8 caches information_schema.tables statistics (AUTO_INCREMENT, sizes) for a day by default.
                s.execute("SET SESSION information_schema_stats_expiry = 0");
            } catch (SQLException e) {
                log.debug("information_schema_stats_expiry is not a variable of this server (MariaDB); nothing to set.");
            }
        }
    }

    /** Keeps the session's statements out of the binary log where the user may; returns whether it could. */
    private static boolean disableBinlog(Connection c, EngineLog log) {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin = 0");
            return true;
        } catch (SQLException e) {
            log.debug("The snapshot's statements go to the binary log: SET sql_log_bin = 0 was refused (" + e.getMessage() + ").");
            return false;
        }
    }

    private static void dropQuietly(Connection c, String shadow, EngineLog log) {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SchemaObjects.quote(shadow));
        } catch (SQLException e) {
            log.warn("The incomplete snapshot database " + shadow + " could not be dropped (" + e.getMessage()
                    + "); drop it by hand: DROP DATABASE `" + shadow + "`");
        }
    }

    private SnapshotException exists(Snapshot existing) {
        String state = existing.state() == SnapshotState.CREATING ? "incomplete: its creation was interrupted"
                : existing.state() == SnapshotState.RESTORING ? "its restore was interrupted" : "taken " + existing.createdAt();
        return new SnapshotException("A snapshot named '" + existing.name() + "' of schema " + schema() + " exists already ("
                + state + "). Restore it, or drop it with: " + dropCommand(existing.name()));
    }

    private SnapshotException incomplete(String name, String shadow) {
        return new SnapshotException("Snapshot '" + name + "' of schema " + schema() + " (" + shadow + ") is incomplete:"
                + " its creation was interrupted, so it cannot be restored. It will be dropped by the next rsx:migrate, or drop"
                + " it now with: " + dropCommand(name));
    }

    private static String dropHint(String name) {
        return "Drop it with: " + dropCommand(name);
    }

    static String dropCommand(String name) {
        return "mvn rsx:snapshot -Drsx.snapshot.action=drop -Drsx.snapshot.name=" + name;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** What identifies a server: its host name and its own id ({@code @@server_uuid}, or else {@code @@datadir}). */
    record ServerId(String host, int port, String id) {

        static ServerId of(Connection c) throws SQLException {
            String host;
            int port;
            String id;
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT @@hostname, @@port, @@datadir")) {
                rows.next();
                host = rows.getString(1);
                port = rows.getInt(2);
                id = rows.getString(3);
            }
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT @@server_uuid")) {
                rows.next();
                if (rows.getString(1) != null) {
                    id = rows.getString(1);
                }
            } catch (SQLException e) {
                // MariaDB has no server UUID; the data directory stays.
            }
            return new ServerId(host, port, id);
        }

        boolean sameServer(String otherHost, String otherId) {
            return host.equals(otherHost) && id.equals(otherId);
        }

        String display() {
            return host + ":" + port + " " + id;
        }
    }

    /** The metadata row of a shadow schema. */
    private record Stored(String name, String schema, String host, int port, String serverId, Instant createdAt, long bytes,
            SnapshotState state, boolean binlogOff) {

        Snapshot snapshot() {
            return new Snapshot(name, "logical", host + ":" + port + " " + serverId, schema, createdAt, bytes, state);
        }
    }
}
