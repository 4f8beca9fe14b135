package dev.rsx.schema;

import dev.rsx.engine.TrackingTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the tables of the connection's current database look like, from information_schema: every table with its
 * columns in order, and every foreign key. The plugin's tracking tables are left out. Read in three queries, whatever
 * the number of tables; a run reads it once before its migrations (for the rules and the report) and once after (for
 * normalization, the live check and the report).
 */
public record SchemaInventory(List<Table> tables, List<ForeignKey> foreignKeys) {

    private static final Set<String> TRACKING = Set.of(TrackingTable.NAME.toLowerCase(Locale.ROOT),
            TrackingTable.LOCK_NAME.toLowerCase(Locale.ROOT));

    /**
     * A base table, its columns in ordinal order.
     *
     * @param collation the table's default collation, e.g. {@code utf8mb4_unicode_ci}
     * @param comment the table's comment, empty when it has none
     */
    public record Table(String name, String collation, String comment, List<Column> columns) {

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }

        /** The columns by name, case aside: for comparing whole tables without a search per column. */
        public Map<String, Column> columnsByName() {
            return byName(columns, Column::name);
        }
    }

    /**
     * @param columnType as the server prints it, e.g. {@code bigint(20)} or {@code varchar(255)}
     * @param dataType the type's name in lower case, e.g. {@code bigint} or {@code varchar}
     * @param key {@code PRI}, {@code UNI}, {@code MUL} or empty
     * @param extra e.g. {@code auto_increment}, or empty
     * @param characterSet the column's character set; null for a column that holds no text
     * @param datetimePrecision the fractional seconds of a temporal column; null for any other
     */
    public record Column(String name, String columnType, String dataType, boolean nullable, String key,
            String defaultValue, String extra, String characterSet, Integer datetimePrecision) {

        public boolean primaryKey() {
            return "PRI".equals(key);
        }
    }

    /**
     * @param referencedSchema the database of the referenced table: the current one, or another on the same server
     */
    public record ForeignKey(String name, String table, List<String> columns, String referencedSchema,
            String referencedTable, List<String> referencedColumns) {}

    public static SchemaInventory read(Connection connection) throws SQLException {
        return new SchemaInventory(readTables(connection), readForeignKeys(connection));
    }

    /**
     * The tables alone, for a reader that needs their foreign keys only now and then: finding the foreign keys makes
     * the server open every table (0.2–0.3 s at 2,500 tables).
     */
    public static List<Table> readTables(Connection connection) throws SQLException {
        Map<String, BaseTables.Table> baseTables = BaseTables.read(connection);
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT table_name, column_name, column_type, data_type,"
                + " is_nullable, column_key, column_default, extra, character_set_name, datetime_precision"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (baseTables.containsKey(table) && !TRACKING.contains(table.toLowerCase(Locale.ROOT))) {
                    String precision = rows.getString(10);
                    columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(rows.getString(2),
                            rows.getString(3), rows.getString(4).toLowerCase(Locale.ROOT), "YES".equals(rows.getString(5)),
                            rows.getString(6), defaultValue(rows.getString(7)), rows.getString(8), rows.getString(9),
                            precision == null ? null : Integer.valueOf(precision)));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        columns.forEach((name, list) -> tables.add(new Table(name, baseTables.get(name).collation(),
                baseTables.get(name).comment(), List.copyOf(list))));
        return List.copyOf(tables);
    }

    /**
     * MariaDB reports "no default" as the word NULL and a string default quoted ({@code 'NULL'}); MySQL as SQL NULL
     * and unquoted. Both become null here, so the same schema reads the same on both.
     */
    private static String defaultValue(String reported) {
        return reported == null || reported.equals("NULL") ? null : reported;
    }

    /**
     * The inventory whose tables {@link #readTables} read as {@code tables} on {@code connection}: completed with the
     * foreign keys, or read anew when something changed the tables since (normalization, say).
     */
    public static SchemaInventory completing(List<Table> tables, boolean changedSince, Connection connection)
            throws SQLException {
        return changedSince ? read(connection) : new SchemaInventory(tables, readForeignKeys(connection));
    }

    private static List<ForeignKey> readForeignKeys(Connection connection) throws SQLException {
        Map<String, String[]> keys = new LinkedHashMap<>();
        Map<String, List<String>> from = new LinkedHashMap<>();
        Map<String, List<String>> to = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT constraint_name, table_name, column_name,"
                + " referenced_table_schema, referenced_table_name, referenced_column_name"
                + " FROM information_schema.key_column_usage"
                + " WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL"
                + " ORDER BY table_name, constraint_name, ordinal_position");
                ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(2) + "\u0000" + rows.getString(1);
                keys.putIfAbsent(id, new String[] {rows.getString(1), rows.getString(2), rows.getString(4),
                        rows.getString(5)});
                from.computeIfAbsent(id, k -> new ArrayList<>()).add(rows.getString(3));
                to.computeIfAbsent(id, k -> new ArrayList<>()).add(rows.getString(6));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        keys.forEach((id, key) -> foreignKeys.add(new ForeignKey(key[0], key[1], List.copyOf(from.get(id)), key[2],
                key[3], List.copyOf(to.get(id)))));
        return List.copyOf(foreignKeys);
    }

    /**
     * The tables by name, case aside: for looking up many tables, where a search per table would make reading a
     * schema of thousands of tables quadratic.
     */
    public Map<String, Table> tablesByName() {
        return byName(tables, Table::name);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        items.forEach(item -> index.putIfAbsent(name.apply(item), item));
        return index;
    }
}
