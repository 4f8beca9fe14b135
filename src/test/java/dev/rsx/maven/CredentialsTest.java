package dev.rsx.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.ProjectException;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    /** Stands in for Maven's decrypter: "decrypts" {ENC} by stripping the braces marker, as a real one would. */
    private static final SettingsDecrypter DECRYPTER = request -> {
        Server server = request.getServers().get(0).clone();
        server.setPassword(server.getPassword().replace("{ENC}", ""));
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return server;
            }

            @Override
            public List<Server> getServers() {
                return List.of(server);
            }

            @Override
            public org.apache.maven.settings.Proxy getProxy() {
                return null;
            }

            @Override
            public List<org.apache.maven.settings.Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return List.of();
            }
        };
    };

    private static Settings settingsWithServer(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    @Test
    void takesUserAndDecryptedPasswordFromTheSettingsServer() {
        Credentials credentials = Credentials.resolve(null, null, "prod-db",
                settingsWithServer("prod-db", "deployer", "{ENC}s3cret"), DECRYPTER, Map.of());

        assertEquals("deployer", credentials.username());
        assertEquals("s3cret", credentials.password());
        assertFalse(credentials.toString().contains("s3cret"));
    }

    @Test
    void explicitParametersWinOverTheEnvironment() {
        Credentials credentials = Credentials.resolve("app", "pw", null, new Settings(), DECRYPTER,
                Map.of("RSX_DB_USER", "env-user", "RSX_DB_PASSWORD", "env-pw"));

        assertEquals("app", credentials.username());
        assertEquals("pw", credentials.password());
    }

    @Test
    void fallsBackToTheEnvironment() {
        Credentials credentials = Credentials.resolve(null, null, null, new Settings(), DECRYPTER,
                Map.of("RSX_DB_USER", "env-user", "RSX_DB_PASSWORD", "env-pw"));

        assertEquals("env-user", credentials.username());
        assertEquals("env-pw", credentials.password());
    }

    @Test
    void refusesAPasswordTogetherWithAServerId() {
        ProjectException e = assertThrows(ProjectException.class, () -> Credentials.resolve(null, "pw", "prod-db",
                settingsWithServer("prod-db", "u", "p"), DECRYPTER, Map.of()));

        assertEquals("Both rsx.password and rsx.serverId are set; use one or the other.", e.getMessage());
    }

    @Test
    void namesAMissingServerId() {
        ProjectException e = assertThrows(ProjectException.class,
                () -> Credentials.resolve(null, null, "nope", new Settings(), DECRYPTER, Map.of()));

        assertTrue(e.getMessage().contains("settings.xml has no <server> with that id"), e.getMessage());
    }
}
