package dev.rsx.snapshot;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts an external server with the user's commands ({@code rsx.snapshot.stopCommand} /
 * {@code rsx.snapshot.startCommand}, e.g. {@code systemctl stop mariadb}), run with {@code /bin/sh -c}. After the
 * command has finished it waits until the server has stopped answering, or answers again, on its JDBC address.
 *
 * <p>A command's output goes to the debug log ({@code mvn -X}); a command that exits with another status than 0
 * fails with its last lines of output. The output is collected in a temporary file, not a pipe, so a start command
 * that leaves a server running in the background (which inherits the output) does not keep the plugin waiting.
 */
public final class CommandServerControl implements ServerControl {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int LAST_LINES = 15;
    private static final long POLL_MILLIS = 200;

    private final String stopCommand;
    private final String startCommand;
    private final ConnectionSettings server;
    private final Duration timeout;
    private final EngineLog log;

    /**
     * @param server where the server answers (the database in it does not matter)
     * @param timeout how long each command may run, and then how long the server may take to stop or to answer
     *     again; null for {@link #DEFAULT_TIMEOUT}
     */
    public CommandServerControl(String stopCommand, String startCommand, ConnectionSettings server, Duration timeout,
            EngineLog log) {
        this.stopCommand = require(stopCommand, "rsx.snapshot.stopCommand");
        this.startCommand = require(startCommand, "rsx.snapshot.startCommand");
        this.server = Objects.requireNonNull(server, "server");
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void stop() {
        run("rsx.snapshot.stopCommand", stopCommand);
        awaitAnswering(false);
    }

    @Override
    public void start() {
        run("rsx.snapshot.startCommand", startCommand);
        awaitAnswering(true);
    }

    private void run(String parameter, String command) {
        log.debug("Running " + parameter + ": " + command);
        Path output = null;
        try {
            output = Files.createTempFile("rsx-server-command", ".log");
            Process process = new ProcessBuilder("/bin/sh", "-c", command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                // Only the shell: what it started may be the server itself.
                process.destroyForcibly();
            }
            List<String> lines = Files.readAllLines(output, Charset.defaultCharset());
            for (String line : lines) {
                log.debug("[" + parameter + "] " + line);
            }
            if (!exited) {
                throw new SnapshotException(parameter + " `" + command + "` did not finish within " + seconds()
                        + " s and was stopped." + tail(lines));
            }
            if (process.exitValue() != 0) {
                throw new SnapshotException(parameter + " `" + command + "` failed with exit status "
                        + process.exitValue() + "." + tail(lines));
            }
        } catch (IOException e) {
            throw new SnapshotException("Cannot run " + parameter + " `" + command + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("Interrupted while running " + parameter + " `" + command + "`.", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temporary file; the system cleans it up
                }
            }
        }
    }

    private void awaitAnswering(boolean wanted) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (answers() != wanted) {
            if (System.nanoTime() - deadline > 0) {
                throw new SnapshotException(wanted
                        ? "The server at " + server.url().hostAndPort() + " does not answer " + seconds() + " s after"
                                + " rsx.snapshot.startCommand `" + startCommand + "` finished. Check the command (its"
                                + " output is in the debug log, mvn -X) and the server's error log, or give it more"
                                + " time with rsx.snapshot.timeout."
                        : "The server at " + server.url().hostAndPort() + " still answers " + seconds() + " s after"
                                + " rsx.snapshot.stopCommand `" + stopCommand + "` finished. Check that the command"
                                + " stops the server at that address, or give it more time with"
                                + " rsx.snapshot.timeout.");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SnapshotException("Interrupted while waiting for the server at "
                        + server.url().hostAndPort() + (wanted ? " to start." : " to stop."), e);
            }
        }
        log.debug("The server at " + server.url().hostAndPort() + (wanted ? " answers" : " stopped answering")
                + " after " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    /**
     * Whether the server answers: it accepts the connection, or refuses it with an error of its own (wrong password,
     * too many connections); not when nothing listens.
     */
    private boolean answers() {
        try (Connection ignored = DatabaseConnector.openServer(server)) {
            return true;
        } catch (EnvironmentException e) {
            return e.getCause() instanceof SQLException sql && sql.getErrorCode() != 0;
        } catch (SQLException e) {
            return true; // closing failed: it was open
        }
    }

    private long seconds() {
        return Math.max(1, timeout.toSeconds());
    }

    private static String tail(List<String> lines) {
        if (lines.isEmpty()) {
            return " It printed nothing.";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size());
        return (lines.size() > LAST_LINES ? " Its last " + LAST_LINES + " lines of output:\n  " : " Its output:\n  ")
                + String.join("\n  ", last);
    }

    private static String require(String command, String parameter) {
        if (command == null || command.isBlank()) {
            throw new SnapshotException("The datadir snapshot strategy on an external server needs " + parameter
                    + ": the shell command that " + (parameter.endsWith("stopCommand") ? "stops" : "starts")
                    + " the server (e.g. `systemctl " + (parameter.endsWith("stopCommand") ? "stop" : "start")
                    + " mariadb`). Set it, or use rsx.snapshot.strategy=logical.");
        }
        return command;
    }
}
