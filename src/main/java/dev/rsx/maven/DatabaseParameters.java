package dev.rsx.maven;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.server.DatabaseNames;
import dev.rsx.server.DatabaseTarget;
import java.io.File;
import java.util.Map;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The database parameters as a goal received them ({@code rsx.url}, credentials, the embedded MariaDB's
 * directories), shared by the database goals and by {@code rsx:report}, which cannot inherit their declarations
 * because a report extends Maven's report base class.
 */
record DatabaseParameters(String url, String username, String password, String serverId, String database,
        File embeddedDataDir, File embeddedBinariesDir, Settings settings, SettingsDecrypter settingsDecrypter) {

    /** The database the parameters and the environment name; without a URL, the embedded MariaDB. */
    DatabaseTarget target(String artifactId, EngineLog log) {
        Map<String, String> environment = System.getenv();
        String configuredUrl = url != null && !url.isBlank() ? url : environment.get("RSX_DB_URL");
        if (configuredUrl == null || configuredUrl.isBlank()) {
            if (username != null || password != null || serverId != null) {
                log.warn("rsx.username / rsx.password / rsx.serverId are ignored: no rsx.url is set, so the embedded"
                        + " MariaDB is used.");
            }
            String name = database != null && !database.isBlank() ? database : DatabaseNames.sqlSafe(artifactId);
            return new DatabaseTarget.Embedded(embeddedBinariesDir.toPath(), embeddedDataDir.toPath(), name);
        }
        Credentials credentials = Credentials.resolve(username, password, serverId, settings, settingsDecrypter, environment);
        return new DatabaseTarget.External(
                new ConnectionSettings(JdbcUrl.parse(configuredUrl), credentials.username(), credentials.password()));
    }

    @Override
    public String toString() {
        return "DatabaseParameters[url=" + JdbcUrl.mask(url) + ", username=" + username + ", password="
                + (password == null ? "(none)" : "***") + ", serverId=" + serverId + ", database=" + database + "]";
    }
}
