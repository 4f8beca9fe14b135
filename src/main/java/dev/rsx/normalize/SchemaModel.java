package dev.rsx.normalize;

import java.util.List;
import java.util.Map;

/**
 * What the normalizer reads of a schema: tables with their columns and indexes, and, on demand, the foreign keys and
 * the columns' definitions (one SHOW CREATE TABLE per table, so only for tables whose columns change).
 */
record SchemaModel(Map<String, Table> tables, ForeignKeys foreignKeys, ColumnDefinitions definitions) {

    /**
     * The foreign keys, read from the server on each call: only a plan that changes columns needs them, and finding
     * them makes the server open every table (0.4 s at 2,500 tables), which a schema with nothing to normalize need
     * not pay.
     */
    @FunctionalInterface
    interface ForeignKeys {
        List<ForeignKey> all();
    }

    /** Column name to its SHOW CREATE TABLE line, which is a valid MODIFY COLUMN definition on MySQL and MariaDB. */
    @FunctionalInterface
    interface ColumnDefinitions {
        Map<String, String> of(String table);
    }

    /**
     * A base table.
     *
     * @param charset the charset of the table's default collation
     * @param indexes every index by name, as its ordered column names
     */
    record Table(String name, String charset, String comment, List<Column> columns, Map<String, List<String>> indexes) {

        Column column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        /** True when some index starts with {@code leading} (a composite index serves its leading columns too). */
        boolean hasIndexStartingWith(List<String> leading) {
            return indexes.values().stream().anyMatch(index -> index.size() >= leading.size()
                    && index.subList(0, leading.size()).stream().map(String::toLowerCase).toList()
                            .equals(leading.stream().map(String::toLowerCase).toList()));
        }
    }

    /**
     * A column as information_schema describes it.
     *
     * @param columnType e.g. {@code int(11) unsigned}
     * @param dataType e.g. {@code int}
     * @param charset null for non-text columns
     * @param datetimePrecision null for non-temporal columns
     * @param holdsValuesAboveSignedBigint for {@code BIGINT UNSIGNED}: some value would not fit a signed BIGINT
     */
    record Column(String name, String columnType, String dataType, String charset, Integer datetimePrecision,
            boolean holdsValuesAboveSignedBigint) {}

    /** A foreign key: {@code table(columns)} references {@code referencedTable(referencedColumns)}. */
    record ForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, String onDelete, String onUpdate) {}
}
