package dev.rsx.testing;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The statements the driver sends to a database, recorded from inside the driver by a query interceptor named on the
 * connection's URL. Tests run in parallel on one server, so each reads its own database's statements.
 */
public final class QueryLog implements QueryInterceptor {

    private static final Map<String, List<String>> SENT = new ConcurrentHashMap<>();

    private List<String> sent;

    /** {@code settings} with the driver told to record every statement it sends with them. */
    public static ConnectionSettings logging(ConnectionSettings settings) {
        return TestDatabases.withDriverOption(settings, "queryInterceptors", QueryLog.class.getName());
    }

    /** The statements sent so far to the database of {@code settings} with logging on, in order. */
    public static List<String> sent(ConnectionSettings settings) {
        return List.copyOf(SENT.getOrDefault(settings.url().database(), List.of()));
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        sent = SENT.computeIfAbsent(JdbcUrl.parse(connection.getURL()).database(), database -> new CopyOnWriteArrayList<>());
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        sent.add(sql.get());
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {}

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
        return null;
    }
}
