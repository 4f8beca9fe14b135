package dev.rsx.rules;

import java.util.List;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

/** A column definition of a CREATE TABLE or ALTER TABLE, with the attributes the rules ask about. */
public record ColumnSpec(String name, ColumnType type, List<String> specs) {

    public static ColumnSpec of(ColumnDefinition definition) {
        List<String> specs = definition.getColumnSpecs() == null ? List.of() : definition.getColumnSpecs();
        return new ColumnSpec(KnownSchema.unquoted(definition.getColumnName()),
                ColumnType.parse(definition.getColDataType().getDataType(), specs), specs);
    }

    public boolean notNull() {
        return follows("NOT", "NULL");
    }

    /** {@code NULL} written on its own, not as {@code NOT NULL} or {@code DEFAULT NULL}. */
    public boolean explicitlyNullable() {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase("NULL")
                    && (i == 0 || !(specs.get(i - 1).equalsIgnoreCase("NOT") || specs.get(i - 1).equalsIgnoreCase("DEFAULT")))) {
                return true;
            }
        }
        return false;
    }

    public boolean autoIncrement() {
        return specs.stream().anyMatch(s -> s.equalsIgnoreCase("AUTO_INCREMENT"));
    }

    public boolean primaryKey() {
        return follows("PRIMARY", "KEY");
    }

    /** The column as the schema will hold it: nullable unless declared NOT NULL or part of the primary key. */
    public KnownSchema.Column asColumn() {
        return new KnownSchema.Column(name, type, !notNull() && !primaryKey(), autoIncrement());
    }

    private boolean follows(String first, String second) {
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase(first) && specs.get(i + 1).equalsIgnoreCase(second)) {
                return true;
            }
        }
        return false;
    }
}
