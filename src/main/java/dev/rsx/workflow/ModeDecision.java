package dev.rsx.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.rsx.engine.EnvironmentException;

/**
 * The mode and why: {@code -Drsx.mode}, then the environment variable {@code RSX_MODE}, then {@code RSX_MODE=} in the
 * project's {@code .env} file; with none of them, development on the embedded server and on loopback hosts (a
 * developer's machine), production anywhere else.
 */
public record ModeDecision(Mode mode, String reason) {

    public static ModeDecision resolve(String property, Map<String, String> environment, Path projectDir,
            boolean localServer) {
        if (property != null && !property.isBlank()) {
            return new ModeDecision(Mode.parse(property, "rsx.mode"), "rsx.mode");
        }
        String variable = environment.get("RSX_MODE");
        if (variable != null && !variable.isBlank()) {
            return new ModeDecision(Mode.parse(variable, "RSX_MODE"), "environment variable RSX_MODE");
        }
        Optional<String> fromDotEnv = dotEnvMode(projectDir.resolve(".env"));
        if (fromDotEnv.isPresent()) {
            return new ModeDecision(Mode.parse(fromDotEnv.get(), "RSX_MODE in .env"), "RSX_MODE in " + projectDir.resolve(".env"));
        }
        return localServer
                ? new ModeDecision(Mode.DEVELOPMENT, "default for the embedded server and loopback hosts")
                : new ModeDecision(Mode.PRODUCTION, "default for a server that is not on this machine");
    }

    private static Optional<String> dotEnvMode(Path dotEnv) {
        if (!Files.isRegularFile(dotEnv)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(dotEnv);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + dotEnv + ": " + e.getMessage(), e);
        }
        return lines.stream().map(String::strip)
                .filter(line -> line.startsWith("RSX_MODE=") || line.startsWith("export RSX_MODE="))
                .map(line -> line.substring(line.indexOf('=') + 1).strip().replaceAll("^[\"']|[\"']$", ""))
                .filter(value -> !value.isEmpty())
                .reduce((first, later) -> later);
    }
}
