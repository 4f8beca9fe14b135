package dev.rsx.maven;

import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.ProjectException;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Resolves the user name and password: explicit parameters first, then a {@code <server>} of settings.xml
 * (encrypted passwords supported), then the environment ({@code RSX_DB_USER} / {@code RSX_DB_PASSWORD}).
 */
record Credentials(String username, String password) {

    static Credentials resolve(String username, String password, String serverId, Settings settings,
            SettingsDecrypter decrypter, Map<String, String> environment) {
        if (serverId != null && !serverId.isBlank()) {
            if (password != null && !password.isEmpty()) {
                throw new ProjectException("Both rsx.password and rsx.serverId are set; use one or the other.");
            }
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new ProjectException("rsx.serverId is '" + serverId + "' but settings.xml has no <server> with that"
                        + " id. Add <server><id>" + serverId + "</id><username>…</username><password>…</password></server>"
                        + " to ~/.m2/settings.xml.");
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : decrypted.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new EnvironmentException("Cannot decrypt the password of <server> '" + serverId + "': "
                            + problem.getMessage() + ". Check ~/.m2/settings-security.xml.");
                }
            }
            Server plain = decrypted.getServer();
            return new Credentials(firstNonBlank(username, plain.getUsername(), environment.get("RSX_DB_USER")),
                    plain.getPassword());
        }
        return new Credentials(firstNonBlank(username, environment.get("RSX_DB_USER")),
                password != null ? password : environment.get("RSX_DB_PASSWORD"));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
