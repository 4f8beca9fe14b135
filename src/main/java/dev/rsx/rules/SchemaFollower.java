package dev.rsx.rules;

import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlToken;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Moves the {@link KnownSchema} past one statement. A statement that changes a table in a way the parser did not
 * follow makes the schema forget that table, so no rule reasons from a stale definition.
 */
final class SchemaFollower {

    private SchemaFollower() {}

    /** Applies the statement; returns the lower-case names of the tables whose definition it changes. */
    static Set<String> apply(KnownSchema schema, MigrationStatement statement) {
        if (statement.parsed() instanceof CreateTable create) {
            create(schema, create);
            return Set.of(KnownSchema.key(create.getTable().getName()));
        } else if (statement.parsed() instanceof Alter alter) {
            alter(schema, alter);
            return Set.of(KnownSchema.key(alter.getTable().getName()));
        } else if (statement.parsed() instanceof RenameTableStatement rename) {
            rename.getTableNames().forEach(e -> schema.rename(e.getKey().getName(), e.getValue().getName()));
            return rename.getTableNames().stream().map(e -> KnownSchema.key(e.getValue().getName())).collect(Collectors.toSet());
        } else if (statement.parsed() instanceof CreateIndex index) {
            return Set.of(KnownSchema.key(index.getTable().getName()));
        } else if (statement.parsed() == null) {
            return forgetNamedTables(schema, statement);
        } else if (statement.startsWith("DROP", "TABLE") || statement.startsWith("DROP", "TEMPORARY", "TABLE")) {
            statement.tokens().stream().filter(SqlToken::isName).forEach(t -> schema.drop(t.name()));
        }
        return Set.of();
    }

    private static void create(KnownSchema schema, CreateTable create) {
        String name = KnownSchema.unquoted(create.getTable().getName());
        if (create.getLikeTable() != null) {
            schema.copy(create.getLikeTable().getName(), name);
            return;
        }
        if (create.getColumnDefinitions() == null) {
            schema.forget(name);
            return;
        }
        KnownSchema.Table table = schema.create(name);
        for (ColumnDefinition definition : create.getColumnDefinitions()) {
            ColumnSpec column = ColumnSpec.of(definition);
            table.put(column.asColumn());
            if (column.primaryKey()) {
                table.primaryKey(List.of(column.name()));
            }
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if ("PRIMARY KEY".equalsIgnoreCase(index.getType())) {
                    table.primaryKey(index.getColumnsNames().stream().map(KnownSchema::unquoted).toList());
                }
            }
        }
    }

    private static void alter(KnownSchema schema, Alter alter) {
        String name = KnownSchema.unquoted(alter.getTable().getName());
        KnownSchema.Table table = schema.table(name).orElse(null);
        if (table == null || alter.getAlterExpressions() == null) {
            return;
        }
        for (AlterExpression expression : alter.getAlterExpressions()) {
            switch (expression.getOperation()) {
                case ADD, MODIFY, CHANGE -> {
                    if (expression.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.CHANGE
                            && expression.getColumnOldName() != null) {
                        table.remove(KnownSchema.unquoted(expression.getColumnOldName()));
                    }
                    if (expression.getColDataTypeList() != null) {
                        expression.getColDataTypeList().forEach(c -> table.put(ColumnSpec.of(c).asColumn()));
                    }
                }
                case DROP -> {
                    if (expression.getColumnName() != null) {
                        table.remove(KnownSchema.unquoted(expression.getColumnName()));
                    }
                }
                case DROP_PRIMARY_KEY -> table.primaryKey(List.of());
                case RENAME -> table.column(KnownSchema.unquoted(expression.getColumnOldName())).ifPresent(c -> {
                    table.remove(c.name());
                    table.put(new KnownSchema.Column(KnownSchema.unquoted(expression.getColumnName()), c.type(), c.nullable(),
                            c.autoIncrement()));
                });
                case RENAME_TABLE -> schema.rename(name, expression.getNewTableName());
                default -> { }
            }
        }
    }

    /** Every name token of an unreadable statement may be a table it changes: all are returned, the known ones forgotten. */
    private static Set<String> forgetNamedTables(KnownSchema schema, MigrationStatement statement) {
        Set<String> named = statement.tokens().stream().filter(SqlToken::isName).map(t -> KnownSchema.key(t.name()))
                .collect(Collectors.toSet());
        named.forEach(schema::forget);
        return named;
    }
}
