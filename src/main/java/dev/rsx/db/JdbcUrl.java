package dev.rsx.db;

import dev.rsx.engine.ProjectException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed MySQL/MariaDB JDBC URL. Only the parts the plugin needs: host, port, database, and a form that is
 * safe to print (secrets masked).
 */
public record JdbcUrl(String url, String host, int port, String database) {

    private static final Pattern URL = Pattern.compile(
            "^jdbc:(mysql|mariadb)://(?:[^@/]*@)?(\\[[^\\]]+]|[^:/?]+)(?::(\\d+))?(?:/([^?;]*))?.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^:@/]*):[^@/]*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)((?:password|pwd)\\d*=)[^&;]*");
    private static final int DEFAULT_PORT = 3306;

    /** Parses {@code url}; {@code jdbc:mariadb:} is accepted and rewritten to the bundled MySQL driver's scheme. */
    public static JdbcUrl parse(String url) {
        Matcher m = URL.matcher(url == null ? "" : url.trim());
        if (!m.matches()) {
            throw new ProjectException("rsx.url '" + mask(url) + "' is not a MySQL/MariaDB JDBC URL."
                    + " Use the form jdbc:mysql://host:3306/database (or jdbc:mariadb://host:3306/database).");
        }
        String normalized = url.trim().replaceFirst("(?i)^jdbc:mariadb:", "jdbc:mysql:");
        int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
        String database = m.group(4) == null || m.group(4).isBlank() ? null : m.group(4);
        return new JdbcUrl(normalized, m.group(2), port, database);
    }

    /** {@code url} with any password in it (user-info or query parameter) replaced by {@code ***}. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1:***@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }

    /** The value of a query parameter ({@code user}, {@code password}), or null. */
    public String parameter(String name) {
        Matcher m = Pattern.compile("[?&;]" + Pattern.quote(name) + "=([^&;]*)", Pattern.CASE_INSENSITIVE).matcher(url);
        return m.find() ? java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    /** The same server and parameters, with {@code name} as the database. */
    public JdbcUrl withDatabase(String name) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("not a parsed JDBC URL: " + masked());
        }
        String rebuilt = m.group(4) != null
                ? url.substring(0, m.start(4)) + name + url.substring(m.end(4))
                : url.substring(0, m.group(3) != null ? m.end(3) : m.end(2)) + "/" + name
                        + url.substring(m.group(3) != null ? m.end(3) : m.end(2)).replaceFirst("^/", "");
        return parse(rebuilt);
    }

    public String masked() {
        return mask(url);
    }

    /** True when the server is on this machine, which is where the development mode defaults apply. */
    public boolean isLoopback() {
        String h = host.toLowerCase();
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    public String hostAndPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return masked();
    }
}
