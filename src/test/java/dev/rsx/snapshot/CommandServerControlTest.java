package dev.rsx.snapshot;

import static dev.rsx.snapshot.DatadirSnapshotTest.assertNoServerOn;
import static dev.rsx.snapshot.DatadirSnapshotTest.serversOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.server.EmbeddedMariaDb;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.SchemaFingerprint;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An "external" server: a mariadbd process of this test's own, on a scratch data directory, that the plugin does not
 * start itself but stops and starts through shell scripts, as it would {@code systemctl stop mariadb}. Never the
 * machine's MariaDB.
 */
class CommandServerControlTest {

    private static Path root;
    private static Path dataDir;
    private static int port;
    private static String stopScript;
    private static String startScript;
    private static ConnectionSettings serverSettings;

    @BeforeAll
    static void prepareExternalServer() throws IOException, InterruptedException {
        root = TestDatabases.work().resolve("command-control-" + ProcessHandle.current().pid());
        FileUtils.deleteDirectory(root.toFile());
        dataDir = root.resolve("data");
        // initialised by the embedded server once, then run by hand like any server the plugin does not manage
        Path binaries;
        try (EmbeddedMariaDb init = EmbeddedMariaDb.start(TestDatabases.binariesRoot(), dataDir, EngineLog.silent())) {
            binaries = init.clientExecutable().getParent().getParent();
        }
        assertNoServerOn(dataDir);
        port = freePort();
        Path pidFile = root.resolve("mariadbd.pid");
        String asRoot = "root".equals(System.getProperty("user.name")) ? " --user=root" : "";
        startScript = script("start.sh", "export LD_LIBRARY_PATH=" + q(binaries.resolve("libs")) + "\n"
                + "nohup " + q(binaries.resolve("bin/mariadbd")) + " --no-defaults --basedir=" + q(binaries)
                + " --datadir=" + q(dataDir) + " --tmpdir=" + q(Files.createDirectories(root.resolve("tmp")))
                + " --port=" + port + " --socket=" + q(root.resolve("mariadbd.sock")) + " --pid-file=" + q(pidFile)
                + " --bind-address=127.0.0.1 --skip-ssl" + asRoot + " > " + q(root.resolve("mariadbd.log"))
                + " 2>&1 < /dev/null &\n"
                + "echo \"started mariadbd $!\"\n");
        // returns at once, before the server has finished shutting down, as many stop commands do
        stopScript = script("stop.sh", "kill -TERM \"$(cat " + q(pidFile) + ")\" && echo stopping\n");
        serverSettings = new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://127.0.0.1:" + port + "/"), "root", "");
    }

    @AfterEach
    void noServerLeftBehind() throws InterruptedException {
        List<String> left = serversOn(dataDir);
        for (String server : left) {
            // only our own mariadbd, found by its data directory
            ProcessHandle.of(Long.parseLong(server.substring(0, server.indexOf(' ')))).ifPresent(ProcessHandle::destroy);
        }
        assertNoServerOn(dataDir);
        assertEquals(List.of(), left, "the test stops the server it started");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileUtils.deleteDirectory(root.toFile());
    }

    @Test
    void snapshotAndRestoreAnExternalServerThroughItsStopAndStartCommands() throws Exception {
        CapturingLog log = new CapturingLog();
        CommandServerControl control = new CommandServerControl(stopScript, startScript, serverSettings,
                Duration.ofSeconds(60), log);
        control.start();
        try {
            assertEquals(1, serversOn(dataDir).size(), "start() runs the command: " + serversOn(dataDir));
            try (TestDb db = createSchema("ext_" + ProcessHandle.current().pid())) {
                DatadirSnapshotTest.fixture(db);
                Map<String, String> before = SchemaFingerprint.of(db);
                DatadirSnapshot snapshots = new DatadirSnapshot(dataDir, root.resolve("snapshots"),
                        db.settings().database(), control);
                long pidBefore = serverPid();

                snapshots.create(Snapshot.MIGRATION, log);
                long pidAfterSnapshot = serverPid();
                assertNotEquals(pidBefore, pidAfterSnapshot, "the server was stopped and started again");
                assertEquals(before, SchemaFingerprint.of(db));

                DatadirSnapshotTest.failedMigration(db);
                assertNotEquals(before, SchemaFingerprint.of(db));
                snapshots.restore(Snapshot.MIGRATION, log);

                assertEquals(before, SchemaFingerprint.of(db));
                assertEquals(List.of(), snapshots.list());
                assertEquals(1, serversOn(dataDir).size());
            }
        } finally {
            control.stop();
        }
        assertNoServerOn(dataDir);
    }

    @Test
    void waitsUntilTheServerStopsAnsweringAndAnswersAgain() throws Exception {
        CommandServerControl control = new CommandServerControl(stopScript, startScript, serverSettings,
                Duration.ofSeconds(60), EngineLog.silent());
        control.start();
        try (Connection c = DatabaseConnector.openServer(serverSettings)) {
            assertTrue(c.isValid(5), "start() returns once the server answers");
        } finally {
            control.stop();
        }
        assertUnreachable(serverSettings);
        assertNoServerOn(dataDir);

        // a stop command that does not stop the server: a clear timeout, and the server still runs
        CommandServerControl noStop = new CommandServerControl("echo pretending to stop", startScript, serverSettings,
                Duration.ofSeconds(1), EngineLog.silent());
        noStop.start();
        try {
            SnapshotException stillUp = assertThrows(SnapshotException.class, noStop::stop);
            assertEquals("The server at 127.0.0.1:" + port + " still answers 1 s after rsx.snapshot.stopCommand"
                    + " `echo pretending to stop` finished. Check that the command stops the server at that address,"
                    + " or give it more time with rsx.snapshot.timeout.", stillUp.getMessage());
        } finally {
            control.stop();
        }
        assertNoServerOn(dataDir);
    }

    @Test
    void aFailingCommandFailsWithItsLastLinesOfOutput() {
        CapturingLog log = new CapturingLog();
        String failing = "for i in $(seq 1 30); do echo \"line $i\"; done; echo 'no such service' >&2; exit 3";
        CommandServerControl control = new CommandServerControl(failing, "true", unusedServer(), Duration.ofSeconds(5),
                log);

        SnapshotException failed = assertThrows(SnapshotException.class, control::stop);

        String message = failed.getMessage();
        assertTrue(message.startsWith("rsx.snapshot.stopCommand `" + failing + "` failed with exit status 3. Its last"
                + " 15 lines of output:\n  line 17\n"), message);
        assertTrue(message.endsWith("\n  line 30\n  no such service"), message);
        assertTrue(!message.contains("line 16\n"), message);
    }

    @Test
    void aStartCommandAfterWhichNothingAnswersTimesOutClearly() {
        CommandServerControl control = new CommandServerControl("true", "echo started", unusedServer(),
                Duration.ofSeconds(1), EngineLog.silent());
        long started = System.nanoTime();

        SnapshotException timedOut = assertThrows(SnapshotException.class, control::start);

        assertTrue(timedOut.getMessage().matches("The server at 127\\.0\\.0\\.1:\\d+ does not answer 1 s after"
                + " rsx\\.snapshot\\.startCommand `echo started` finished\\..*rsx\\.snapshot\\.timeout\\."),
                timedOut.getMessage());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void aCommandLeavingABackgroundProcessDoesNotKeepThePluginWaiting() throws Exception {
        // the background process inherits the command's output, as a server started with `&` does
        String marker = "sleep 7.25";
        CommandServerControl control = new CommandServerControl("true", marker + " & echo started",
                unusedServer(), Duration.ofSeconds(1), EngineLog.silent());
        long started = System.nanoTime();
        try {
            assertThrows(SnapshotException.class, control::start); // nothing answers: it is only a sleep
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5),
                    "returned before the background process ended");
        } finally {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").endsWith("/" + marker))
                    .forEach(ProcessHandle::destroy);
        }
    }

    @Test
    void commandsAreRequired() {
        SnapshotException missing = assertThrows(SnapshotException.class,
                () -> new CommandServerControl(" ", "true", unusedServer(), null, EngineLog.silent()));
        assertTrue(missing.getMessage().contains("needs rsx.snapshot.stopCommand"), missing.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void assertUnreachable(ConnectionSettings settings) {
        assertThrows(EnvironmentException.class, () -> DatabaseConnector.openServer(settings).close());
    }

    private static TestDb createSchema(String name) throws SQLException {
        try (Connection c = DatabaseConnector.openServer(serverSettings); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return new TestDb("external-process",
                new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://127.0.0.1:" + port + "/" + name), "root", ""));
    }

    private static long serverPid() {
        List<String> servers = serversOn(dataDir);
        assertEquals(1, servers.size(), servers.toString());
        return Long.parseLong(servers.get(0).substring(0, servers.get(0).indexOf(' ')));
    }

    private static ConnectionSettings unusedServer() {
        try {
            return new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://127.0.0.1:" + freePort() + "/"), "root", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String script(String name, String body) throws IOException {
        Path script = root.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    private static String q(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
