package dev.rsx.db;

/**
 * Where and as whom to connect. The password never leaves this record in printable form: {@link #toString()}
 * masks it, and so does every message built from {@link #url()}. A user or password not given explicitly is taken
 * from the URL's {@code user=} / {@code password=}; without those the user is root with no password, as on a fresh
 * MySQL install.
 */
public record ConnectionSettings(JdbcUrl url, String username, String password) {

    public ConnectionSettings {
        if (username == null || username.isBlank()) {
            username = url.parameter("user") == null ? "root" : url.parameter("user");
        }
        if (password == null) {
            password = url.parameter("password") == null ? "" : url.parameter("password");
        }
    }

    public String database() {
        return url.database();
    }

    /**
     * Written out, as in {@link dev.rsx.engine.MigrationFile}: a record's own {@code equals} and {@code hashCode} are
     * bootstrapped through {@code java.lang.runtime.ObjectMethods} on their first call, about 15 ms of method-handle
     * set-up in a cold JVM, and a goal's first connection is keyed by these settings before it opens.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionSettings that && url.url().equals(that.url.url())
                && username.equals(that.username) && password.equals(that.password);
    }

    @Override
    public int hashCode() {
        return (url.url().hashCode() * 31 + username.hashCode()) * 31 + password.hashCode();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url.masked() + ", username=" + username + ", password="
                + (password.isEmpty() ? "(none)" : "***") + "]";
    }
}
