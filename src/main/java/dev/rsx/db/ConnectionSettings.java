package dev.rsx.db;

/**
 * Where and as whom to connect. The password never leaves this record in printable form: {@link #toString()}
 * masks it, and so does every message built from {@link #url()}.
 */
public record ConnectionSettings(JdbcUrl url, String username, String password) {

    public ConnectionSettings {
        username = username == null || username.isBlank() ? "root" : username;
        password = password == null ? "" : password;
    }

    public String database() {
        return url.database();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url.masked() + ", username=" + username + ", password="
                + (password.isEmpty() ? "(none)" : "***") + "]";
    }
}
