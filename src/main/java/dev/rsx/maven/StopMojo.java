package dev.rsx.maven;

import dev.rsx.engine.EngineLog;
import dev.rsx.server.ThrowawayDatabase;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Stops the database {@code rsx:start} started in this build: the embedded server is stopped and its data deleted,
 * the container removed, the external provider's database dropped (unless {@code rsx.keepDatabase}).
 *
 * @since 0.1.0
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractIntegrationTestMojo {

    @Override
    protected String goal() {
        return "stop";
    }

    @Override
    protected void run(EngineLog log) {
        Optional<ThrowawayDatabase> started = BuildDatabase.started(getPluginContext());
        if (started.isEmpty()) {
            log.info("Nothing to stop: rsx:start did not start a database in this build.");
            return;
        }
        long begun = System.nanoTime();
        BuildDatabase.forget(getPluginContext());
        started.get().close();
        log.info(String.format("Test database stopped: %s (%.1f s).", started.get().description(),
                (System.nanoTime() - begun) / 1e9));
    }
}
