package dev.rsx.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rsx.engine.ProjectException;
import dev.rsx.testing.MigrationsDir;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModeDecisionTest {

    private final Path project = MigrationsDir.create("mode").write(".env", "APP=x\nRSX_MODE=\"debug\"\n").path();
    private final Path bare = MigrationsDir.create("mode-bare").path();

    @Test
    void thePropertyWinsOverEnvironmentAndDotEnv() {
        assertEquals(new ModeDecision(Mode.PRODUCTION, "rsx.mode"),
                ModeDecision.resolve("production", Map.of("RSX_MODE", "debug"), project, true));
    }

    @Test
    void theEnvironmentWinsOverDotEnv() {
        assertEquals(new ModeDecision(Mode.DEVELOPMENT, "environment variable RSX_MODE"),
                ModeDecision.resolve(null, Map.of("RSX_MODE", "development"), project, false));
    }

    @Test
    void dotEnvIsReadWhenNothingElseSaysSo() {
        assertEquals(Mode.DEBUG, ModeDecision.resolve(null, Map.of(), project, true).mode());
    }

    @Test
    void defaultsToDevelopmentLocallyAndProductionElsewhere() {
        assertEquals(Mode.DEVELOPMENT, ModeDecision.resolve(null, Map.of(), bare, true).mode());
        assertEquals(new ModeDecision(Mode.PRODUCTION, "default for a server that is not on this machine"),
                ModeDecision.resolve(null, Map.of(), bare, false));
    }

    @Test
    void refusesAnUnknownMode() {
        ProjectException e = assertThrows(ProjectException.class, () -> ModeDecision.resolve("prod", Map.of(), bare, true));
        assertEquals("rsx.mode is 'prod'; use development, debug or production.", e.getMessage());
    }
}
