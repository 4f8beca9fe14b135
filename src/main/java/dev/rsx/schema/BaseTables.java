package dev.rsx.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base tables (not views) of the connection's current database, read on their own. Callers combine them with
 * {@code information_schema.COLUMNS} or {@code KEY_COLUMN_USAGE} in Java rather than in a join: MariaDB evaluates a
 * join of two {@code information_schema} tables by reading one again for every row of the other, 5.2 s for a schema
 * of 2,500 tables where the two queries alone take 0.2 s.
 */
public final class BaseTables {

    private BaseTables() {}

    /**
     * What {@code information_schema.TABLES} says of a base table.
     *
     * @param collation the table's default collation
     */
    public record Table(String collation, String comment) {}

    /** Every base table by name, in name order. */
    public static Map<String, Table> read(Connection connection) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT TABLE_NAME, TABLE_COLLATION, TABLE_COMMENT FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
                + " ORDER BY TABLE_NAME");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                tables.put(rows.getString(1), new Table(rows.getString(2), rows.getString(3)));
            }
        }
        return tables;
    }
}
