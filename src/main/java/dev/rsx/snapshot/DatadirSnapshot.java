package dev.rsx.snapshot;

import dev.rsx.engine.EngineLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Seed 000's snapshot: stop the server, copy its data directory, start it again; restoring stops the server, puts the
 * copy back and starts it. It snapshots the whole server, whatever the schema, and needs the data directory on this
 * machine and a way to stop and start the server ({@link ServerControl}).
 *
 * <p>Snapshot {@code name} lives in {@code <snapshotsDir>/<name>/}: the copy in {@code data/} and the marker file
 * {@code snapshot.properties}, replaced atomically at every step, which records the snapshot's state, the data
 * directory it belongs to (a snapshot is never restored onto another one), the schema, when it was taken and its
 * size. The steps:
 *
 * <ul>
 *   <li>create: marker {@code CREATING}, stop, copy, start (always, also when the copy fails), marker {@code READY}.
 *       A run killed in between leaves a {@code CREATING} snapshot, which {@link #restore} refuses and which is to be
 *       dropped.
 *   <li>restore: marker {@code RESTORING}, stop, move the live data directory aside ({@code <dataDir>.restoring}),
 *       copy the snapshot into its place, delete the moved-aside directory, start, drop the snapshot. Every step can
 *       be done again, so a restore killed at any point is completed by calling {@link #restore} again.
 * </ul>
 *
 * <p>A restore interrupted mid-copy leaves an incomplete data directory, which a server must not be started on: a
 * caller that finds a {@code RESTORING} snapshot before it starts the embedded server ({@link #list} needs no server)
 * completes it first, with {@link #SERVER_NOT_RUNNING}.
 */
public final class DatadirSnapshot implements SnapshotStrategy {

    public static final String NAME = "datadir";

    /**
     * For a server that is not running: {@code stop} and {@code start} do nothing. To complete an interrupted
     * restore before the embedded server is started on a data directory that may be incomplete; a server that does
     * run on the data directory is still noticed (by the locks it holds), and nothing is copied then.
     */
    public static final ServerControl SERVER_NOT_RUNNING = new ServerControl() {
        @Override
        public void stop() {}

        @Override
        public void start() {}
    };
    static final String MARKER = "snapshot.properties";
    static final String DATA = "data";

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String DROPPING = ".dropping";
    private static final double MB = 1024.0 * 1024.0;
    /** Files the server keeps locked while it runs (InnoDB's system tablespace, Aria's control file). */
    private static final List<String> SERVER_LOCKED_FILES = List.of("ibdata1", "aria_log_control");
    private static final Duration SERVER_EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final Path snapshotsDir;
    private final String schema;
    private final ServerControl control;
    private final LongSupplier usableSpace;
    private final Duration serverExitTimeout;

    /**
     * @param dataDir the server's data directory
     * @param snapshotsDir where the snapshots are kept, e.g. {@code <dataDir>.snapshots}; on the same file system as
     *     the data directory, or a restore copies across file systems (which works, but slower)
     * @param schema the schema the snapshots are taken for (recorded, and checked on restore)
     * @param control stops and starts the server that uses {@code dataDir}
     */
    public DatadirSnapshot(Path dataDir, Path snapshotsDir, String schema, ServerControl control) {
        this(dataDir, snapshotsDir, schema, control, null, SERVER_EXIT_TIMEOUT);
    }

    /**
     * @param usableSpace the free bytes to assume instead of asking the file system, or null to ask it
     * @param serverExitTimeout how long a stopped server may take to let go of its files
     */
    DatadirSnapshot(Path dataDir, Path snapshotsDir, String schema, ServerControl control, LongSupplier usableSpace,
            Duration serverExitTimeout) {
        this.dataDir = canonical(dataDir);
        this.snapshotsDir = canonical(snapshotsDir);
        this.schema = schema == null ? "" : schema;
        this.control = Objects.requireNonNull(control, "control");
        this.usableSpace = usableSpace;
        this.serverExitTimeout = serverExitTimeout;
        if (this.snapshotsDir.startsWith(this.dataDir) || this.dataDir.startsWith(this.snapshotsDir)) {
            throw new SnapshotException("The snapshots directory " + this.snapshotsDir + " and the data directory "
                    + this.dataDir + " must not contain each other: a snapshot would copy itself. Use e.g. "
                    + this.dataDir.resolveSibling(this.dataDir.getFileName() + ".snapshots") + ".");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path snapshotsDir() {
        return snapshotsDir;
    }

    @Override
    public Snapshot create(String name, EngineLog log) {
        Path dir = snapshotDir(name);
        Optional<Snapshot> existing = readMarker(dir);
        if (existing.isPresent()) {
            Snapshot s = existing.get();
            throw new SnapshotException("A snapshot named '" + name + "' exists already (" + describe(s) + "). Drop it"
                    + " first (mvn rsx:snapshot -Drsx.snapshot.action=drop -Drsx.snapshot.name=" + name
                    + ") or choose another name.");
        }
        if (!Files.isDirectory(dataDir)) {
            throw new SnapshotException("Cannot take snapshot '" + name + "': the data directory " + dataDir
                    + " does not exist. Check rsx.snapshot.dataDir.");
        }
        long size;
        try {
            removeLeftovers(dir);
            size = DirectoryCopy.sizeOf(dataDir);
        } catch (IOException e) {
            throw new SnapshotException("Cannot take snapshot '" + name + "': cannot read " + dataDir + ": " + reason(e), e);
        }
        requireSpace(size, snapshotsDir, "Cannot take snapshot '" + name + "' of " + dataDir);

        Instant createdAt = Instant.now();
        try {
            Files.createDirectories(dir);
            writeMarker(dir, new Snapshot(name, NAME, dataDir.toString(), schema, createdAt, size,
                    SnapshotState.CREATING));
        } catch (IOException e) {
            deleteQuietly(dir, log);
            throw new SnapshotException("Cannot take snapshot '" + name + "': cannot write to " + dir + ": " + reason(e), e);
        }

        long started = System.nanoTime();
        long copied = 0;
        RuntimeException failure = null;
        try {
            control.stop();
            awaitServerExit();
            copied = DirectoryCopy.copy(dataDir, dir.resolve(DATA),
                    new CopyProgress("Copying the data directory", size, log));
        } catch (IOException e) {
            failure = new SnapshotException("Cannot take snapshot '" + name + "': copying " + dataDir + " to " + dir
                    + " failed: " + e, e);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                control.start();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            deleteQuietly(dir, log);
            throw failure;
        }
        Snapshot ready = new Snapshot(name, NAME, dataDir.toString(), schema, createdAt, copied, SnapshotState.READY);
        try {
            writeMarker(dir, ready);
        } catch (IOException e) {
            deleteQuietly(dir, log);
            throw new SnapshotException("Cannot take snapshot '" + name + "': cannot write " + dir.resolve(MARKER)
                    + ": " + reason(e), e);
        }
        log.debug(String.format(Locale.ROOT, "Snapshot '%s' of %s taken: %.1f MB in %d ms", name, dataDir,
                copied / MB, Duration.ofNanos(System.nanoTime() - started).toMillis()));
        return ready;
    }

    @Override
    public void restore(String name, EngineLog log) {
        Path dir = snapshotDir(name);
        Snapshot snapshot = readMarker(dir).orElseThrow(() -> new SnapshotException("There is no snapshot named '"
                + name + "' in " + snapshotsDir + ". `mvn rsx:snapshot -Drsx.snapshot.action=list` lists the"
                + " snapshots there."));
        if (!snapshot.server().equals(dataDir.toString())) {
            throw new SnapshotException("Snapshot '" + name + "' is a copy of the data directory " + snapshot.server()
                    + ", not of " + dataDir + ": it is never restored onto another server. Nothing was changed.");
        }
        if (!snapshot.schema().equals(schema)) {
            throw new SnapshotException("Snapshot '" + name + "' was taken for schema '" + snapshot.schema()
                    + "', not '" + schema + "': it is never restored for another schema. Nothing was changed.");
        }
        if (snapshot.state() == SnapshotState.CREATING) {
            throw new SnapshotException("Snapshot '" + name + "' is incomplete: a run stopped while it was being"
                    + " taken (" + snapshot.createdAt() + "), so it cannot be restored. Drop it (mvn rsx:snapshot"
                    + " -Drsx.snapshot.action=drop -Drsx.snapshot.name=" + name + ").");
        }
        Path copy = dir.resolve(DATA);
        if (!Files.isDirectory(copy)) {
            throw new SnapshotException("Snapshot '" + name + "' has lost its copy (" + copy + " is missing); it cannot"
                    + " be restored. Drop it (mvn rsx:snapshot -Drsx.snapshot.action=drop -Drsx.snapshot.name="
                    + name + ").");
        }
        Path aside = aside();
        boolean resuming = snapshot.state() == SnapshotState.RESTORING;
        long needed = snapshot.sizeBytes();
        try {
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(dataDir)) {
                needed -= DirectoryCopy.sizeOf(dataDir); // an interrupted restore's partial copy, deleted first
            }
        } catch (IOException e) {
            throw new SnapshotException("Cannot restore snapshot '" + name + "': cannot read " + dataDir + ": " + reason(e), e);
        }
        requireSpace(needed, dataDir.getParent(), "Cannot restore snapshot '" + name + "' to " + dataDir);

        if (resuming) {
            log.info("Completing the interrupted restore of snapshot '" + name + "' (taken " + snapshot.createdAt()
                    + ").");
        } else {
            try {
                writeMarker(dir, withState(snapshot, SnapshotState.RESTORING));
            } catch (IOException e) {
                throw new SnapshotException("Cannot restore snapshot '" + name + "': cannot write "
                        + dir.resolve(MARKER) + ": " + e + ". Nothing was changed.", e);
            }
        }

        long started = System.nanoTime();
        try {
            control.stop();
            awaitServerExit();
        } catch (RuntimeException e) {
            // stopping failed, or a server would not let go of the files: this call changed nothing
            if (!resuming) {
                revertToReady(dir, snapshot, log);
            }
            try {
                control.start();
            } catch (RuntimeException startFailure) {
                e.addSuppressed(startFailure);
            }
            throw new SnapshotException("Cannot restore snapshot '" + name + "': " + message(e) + (resuming
                    ? " The interrupted restore is still to be completed." : " Nothing was changed."), e);
        }
        try {
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                // A restore was interrupted (or could not clean up): the live data is aside already, and whatever
                // is in the data directory is a partial copy or a complete one; either way it is replaced.
                DirectoryCopy.delete(dataDir);
            } else if (Files.exists(dataDir, LinkOption.NOFOLLOW_LINKS)) {
                move(dataDir, aside);
            }
            DirectoryCopy.copy(copy, dataDir, new CopyProgress("Restoring the data directory", snapshot.sizeBytes(),
                    log));
        } catch (IOException | RuntimeException e) {
            throw new SnapshotException("Restoring snapshot '" + name + "' into " + dataDir + " failed: " + message(e)
                    + " The server is stopped and its data directory incomplete. Run the restore again to complete"
                    + " it (mvn rsx:snapshot -Drsx.snapshot.action=restore -Drsx.snapshot.name=" + name + ").", e);
        }
        try {
            DirectoryCopy.delete(aside);
        } catch (IOException e) {
            log.warn("Could not delete " + aside + " (the data directory before the restore): " + e
                    + ". Delete it by hand.");
        }
        try {
            control.start();
        } catch (RuntimeException e) {
            throw new SnapshotException("Snapshot '" + name + "' was copied back into " + dataDir + ", but the server"
                    + " did not start: " + message(e) + " Start it, then run the restore again to finish (mvn"
                    + " rsx:snapshot -Drsx.snapshot.action=restore -Drsx.snapshot.name=" + name + ").", e);
        }
        log.debug(String.format(Locale.ROOT, "Snapshot '%s' restored into %s in %d ms", name, dataDir,
                Duration.ofNanos(System.nanoTime() - started).toMillis()));
        try {
            drop(name, log);
        } catch (SnapshotException e) {
            log.warn("Snapshot '" + name + "' was restored, but could not be dropped (" + e.getMessage() + "). Delete "
                    + dir + " by hand, or the next run restores it again.");
        }
    }

    @Override
    public void drop(String name, EngineLog log) {
        Path dir = snapshotDir(name);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Renamed first, in one step, so a snapshot is either whole or gone: a drop killed half-way never leaves a
        // marker next to a partly deleted copy.
        Path trash = snapshotsDir.resolve("." + name + "-" + System.nanoTime() + DROPPING);
        try {
            move(dir, trash);
            DirectoryCopy.delete(trash);
        } catch (IOException e) {
            throw new SnapshotException("Cannot drop snapshot '" + name + "': " + e, e);
        }
    }

    @Override
    public List<Snapshot> list() {
        if (!Files.isDirectory(snapshotsDir)) {
            return List.of();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(snapshotsDir)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                if (!VALID_NAME.matcher(fileName).matches() || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                readMarker(entry).filter(s -> s.server().equals(dataDir.toString()) && s.schema().equals(schema))
                        .ifPresent(snapshots::add);
            }
        } catch (IOException e) {
            throw new SnapshotException("Cannot list the snapshots in " + snapshotsDir + ": " + reason(e), e);
        }
        snapshots.sort(Comparator.comparing(Snapshot::createdAt).thenComparing(Snapshot::name));
        return snapshots;
    }

    /** Whether a server still holds the data directory's files (for tests, and for callers that want to know). */
    boolean serverHoldsFiles() {
        for (String file : SERVER_LOCKED_FILES) {
            if (lockedByAnotherProcess(dataDir.resolve(file))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until the stopped server has let go of its files. A server stops answering before it has finished
     * shutting down (InnoDB flushes its buffers last); copying before that would copy a torn data directory.
     */
    private void awaitServerExit() {
        long deadline = System.nanoTime() + serverExitTimeout.toNanos();
        while (serverHoldsFiles()) {
            if (System.nanoTime() > deadline) {
                throw new SnapshotException("A server still holds the files in " + dataDir + " "
                        + serverExitTimeout.toSeconds() + " s after it was stopped: it has not finished shutting"
                        + " down, or another server uses that data directory.");
            }
            sleep(100);
        }
    }

    private static boolean lockedByAnotherProcess(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        // The server holds an exclusive POSIX lock on the file (fcntl, the same kind FileChannel takes) while it runs.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    private void requireSpace(long needed, Path where, String what) {
        if (needed <= 0) {
            return;
        }
        Path existing = where;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String storeName = String.valueOf(existing);
        long free;
        try {
            FileStore store = Files.getFileStore(existing == null ? dataDir.getRoot() : existing);
            storeName = store.toString();
            free = usableSpace != null ? usableSpace.getAsLong() : store.getUsableSpace();
        } catch (IOException e) {
            throw new SnapshotException(what + ": cannot find out the free space on " + storeName + ": " + reason(e), e);
        }
        if (free < needed) {
            throw new SnapshotException(String.format(Locale.ROOT,
                    "%s: needs %d MB, %d MB free on %s; free space or use rsx.snapshot.strategy=logical.", what,
                    megabytesUp(needed), (long) (free / MB), storeName));
        }
    }

    /** An I/O failure in words: Java's file exceptions carry only the path as their message. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or directory " + missing.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Where the snapshots of a data directory are kept by default: next to it, on the same file system. */
    public static Path snapshotsDirFor(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".snapshots");
    }

    private static long megabytesUp(long bytes) {
        return (long) Math.ceil(bytes / MB);
    }

    private Path snapshotDir(String name) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new SnapshotException("'" + name + "' cannot name a snapshot: use letters, digits, '.', '_' and"
                    + " '-', starting with a letter or digit, at most 100 characters.");
        }
        return snapshotsDir.resolve(name);
    }

    private Path aside() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".restoring");
    }

    /** Removes a snapshot directory without a marker (a create killed before it wrote one) and dropped leftovers. */
    private void removeLeftovers(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.exists(dir.resolve(MARKER))) {
            DirectoryCopy.delete(dir);
        }
        if (Files.isDirectory(snapshotsDir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(snapshotsDir, "." + "*" + DROPPING)) {
                for (Path entry : entries) {
                    DirectoryCopy.delete(entry);
                }
            }
        }
    }

    private void revertToReady(Path dir, Snapshot snapshot, EngineLog log) {
        try {
            writeMarker(dir, withState(snapshot, SnapshotState.READY));
        } catch (IOException e) {
            log.warn("Could not mark snapshot '" + snapshot.name() + "' ready again: " + reason(e));
        }
    }

    private static Snapshot withState(Snapshot s, SnapshotState state) {
        return new Snapshot(s.name(), s.strategy(), s.server(), s.schema(), s.createdAt(), s.sizeBytes(), state);
    }

    /** Writes the marker so that it is always whole: a temporary file, forced to disk, renamed over the old one. */
    static void writeMarker(Path dir, Snapshot snapshot) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", snapshot.name());
        p.setProperty("strategy", snapshot.strategy());
        p.setProperty("state", snapshot.state().name());
        p.setProperty("data_dir", snapshot.server());
        p.setProperty("schema", snapshot.schema());
        p.setProperty("created_at", snapshot.createdAt().toString());
        p.setProperty("size", Long.toString(snapshot.sizeBytes()));
        StringWriter text = new StringWriter();
        p.store(text, "rsx datadir snapshot; do not edit");
        Path tmp = dir.resolve(MARKER + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
    }

    /** The marker in {@code dir}, or empty when there is none or it cannot be read. */
    static Optional<Snapshot> readMarker(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            p.load(in);
            return Optional.of(new Snapshot(p.getProperty("name", dir.getFileName().toString()),
                    p.getProperty("strategy", NAME), p.getProperty("data_dir", ""), p.getProperty("schema", ""),
                    Instant.parse(p.getProperty("created_at")), Long.parseLong(p.getProperty("size", "0")),
                    SnapshotState.valueOf(p.getProperty("state"))));
        } catch (IOException e) {
            throw new SnapshotException("Cannot read the snapshot marker " + marker + ": " + reason(e), e);
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new SnapshotException("The snapshot marker " + marker + " is damaged (" + e + "). Delete " + dir
                    + " to drop the snapshot.", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " in one step: " + e.getMessage(), e);
        }
        forceDirectory(to.getParent());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the rename is atomic regardless
        }
    }

    private static void deleteQuietly(Path dir, EngineLog log) {
        try {
            DirectoryCopy.delete(dir);
        } catch (IOException e) {
            log.warn("Could not delete the incomplete snapshot " + dir + ": " + e + ". Delete it by hand.");
        }
    }

    private static String describe(Snapshot s) {
        return s.state().name().toLowerCase(Locale.ROOT) + ", taken " + s.createdAt() + ", of " + s.server();
    }

    private static String message(Throwable e) {
        String text = e instanceof SnapshotException ? e.getMessage() : String.valueOf(e);
        return text.endsWith(".") ? text : text + ".";
    }

    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            // the real path, so a data directory reached through a symbolic link is moved aside, not the link
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("Interrupted while waiting for the server to stop.", e);
        }
    }
}
