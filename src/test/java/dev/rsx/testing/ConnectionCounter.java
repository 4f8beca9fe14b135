package dev.rsx.testing;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.jdbc.interceptors.ConnectionLifecycleInterceptor;
import com.mysql.cj.log.Log;
import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import java.sql.Savepoint;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the connections the driver opens to a database, from inside the driver: its lifecycle interceptor is
 * created once per connection. Tests run in parallel on one server, so each counts its own database's connections.
 */
public final class ConnectionCounter implements ConnectionLifecycleInterceptor {

    private static final Map<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();

    /** {@code settings} with the driver told to count every connection it opens with them. */
    public static ConnectionSettings counting(ConnectionSettings settings) {
        return TestDatabases.withDriverOption(settings, "connectionLifecycleInterceptors",
                ConnectionCounter.class.getName());
    }

    /** How many connections to the database of {@code settings} were opened with counting on. */
    public static int opened(ConnectionSettings settings) {
        AtomicInteger count = OPENED.get(settings.url().database());
        return count == null ? 0 : count.get();
    }

    @Override
    public ConnectionLifecycleInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        OPENED.computeIfAbsent(JdbcUrl.parse(connection.getURL()).database(), database -> new AtomicInteger())
                .incrementAndGet();
        return this;
    }

    @Override
    public void destroy() {}

    @Override
    public void close() {}

    @Override
    public boolean commit() {
        return true;
    }

    @Override
    public boolean rollback() {
        return true;
    }

    @Override
    public boolean rollback(Savepoint savepoint) {
        return true;
    }

    @Override
    public boolean setAutoCommit(boolean autoCommit) {
        return true;
    }

    @Override
    public boolean setDatabase(String database) {
        return true;
    }

    @Override
    public boolean transactionBegun() {
        return true;
    }

    @Override
    public boolean transactionCompleted() {
        return true;
    }
}
