package dev.rsx.rules;

import dev.rsx.schema.SchemaInventory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables and columns the rules know of before a statement: read from the live database when there is one, and
 * followed through the statements the parser understands. It answers the questions a single statement cannot:
 * was this column nullable, what type does the referenced column have. What it does not know, it does not guess.
 */
public final class KnownSchema {

    /** A column: its type, whether it accepts NULL, whether it is AUTO_INCREMENT. */
    public record Column(String name, ColumnType type, boolean nullable, boolean autoIncrement) {}

    /** A table's columns in order, and its primary key. */
    public static final class Table {
        private final String name;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private List<String> primaryKey = List.of();

        Table(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public Optional<Column> column(String column) {
            return Optional.ofNullable(columns.get(key(column)));
        }

        public List<String> primaryKey() {
            return primaryKey;
        }

        void put(Column column) {
            columns.put(key(column.name()), column);
        }

        void remove(String column) {
            columns.remove(key(column));
            primaryKey = primaryKey.stream().filter(c -> !c.equalsIgnoreCase(column)).toList();
        }

        void primaryKey(List<String> columnNames) {
            primaryKey = List.copyOf(columnNames);
        }

        Table copyAs(String newName) {
            Table copy = new Table(newName);
            copy.columns.putAll(columns);
            copy.primaryKey = primaryKey;
            return copy;
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public static KnownSchema empty() {
        return new KnownSchema();
    }

    /** The base tables of {@code inventory}, with their columns and primary keys. */
    public static KnownSchema of(SchemaInventory inventory) {
        KnownSchema schema = new KnownSchema();
        for (SchemaInventory.Table read : inventory.tables()) {
            Table table = schema.create(read.name());
            read.columns().forEach(c -> table.put(new Column(c.name(), ColumnType.parse(c.columnType(), List.of()),
                    c.nullable(), c.extra().toLowerCase(Locale.ROOT).contains("auto_increment"))));
            table.primaryKey(read.columns().stream().filter(SchemaInventory.Column::primaryKey)
                    .map(SchemaInventory.Column::name).toList());
        }
        return schema;
    }

    /**
     * Everything the rules know of this schema, as text: equal for two schemas exactly when a check starting from
     * either finds the same.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(tables).forEach((key, table) -> {
            text.append(table.name).append('\n');
            table.columns.values().forEach(c -> text.append('\t').append(c.name()).append(' ').append(c.type().base())
                    .append(c.type().arguments()).append(c.type().unsigned() ? " unsigned" : "")
                    .append(c.nullable() ? " null" : " not null").append(c.autoIncrement() ? " auto_increment" : "")
                    .append('\n'));
            text.append("\tprimary key ").append(table.primaryKey).append('\n');
        });
        return text.toString();
    }

    /** The lower-case names of the known tables. */
    public Set<String> tableKeys() {
        return Set.copyOf(tables.keySet());
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(key(name)));
    }

    Table create(String name) {
        Table table = new Table(name);
        tables.put(key(name), table);
        return table;
    }

    void copy(String from, String to) {
        table(from).ifPresentOrElse(t -> tables.put(key(to), t.copyAs(to)), () -> tables.remove(key(to)));
    }

    void drop(String name) {
        tables.remove(key(name));
    }

    void rename(String from, String to) {
        Table table = tables.remove(key(from));
        if (table != null) {
            tables.put(key(to), table.copyAs(to));
        }
    }

    /** Forgets a table whose definition a statement changed in a way the parser could not follow. */
    void forget(String name) {
        tables.remove(key(name));
    }

    static String key(String name) {
        return unquoted(name).toLowerCase(Locale.ROOT);
    }

    /** A table or column name without backquotes or a schema qualifier. */
    public static String unquoted(String name) {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return bare.replace("`", "").replace("\"", "");
    }
}
