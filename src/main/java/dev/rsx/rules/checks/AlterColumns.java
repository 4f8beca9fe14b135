package dev.rsx.rules.checks;

import dev.rsx.rules.ColumnSpec;
import dev.rsx.rules.KnownSchema;
import dev.rsx.sql.MigrationStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/** The column definitions a statement writes: those of a CREATE TABLE, or the ADD, MODIFY and CHANGE of an ALTER. */
final class AlterColumns {

    /**
     * One written column definition.
     *
     * @param oldName for MODIFY and CHANGE, the column being redefined; null for a new column
     */
    record Written(String table, String oldName, ColumnSpec column, AlterOperation operation) {}

    private AlterColumns() {}

    /** Calls {@code action} with the table and each operation of an ALTER TABLE statement; nothing for other statements. */
    static void eachOperation(MigrationStatement statement, BiConsumer<String, AlterExpression> action) {
        statement.parsedAs(Alter.class).filter(a -> a.getAlterExpressions() != null).ifPresent(alter -> {
            String table = KnownSchema.unquoted(alter.getTable().getName());
            alter.getAlterExpressions().forEach(expression -> action.accept(table, expression));
        });
    }

    static List<Written> of(MigrationStatement statement) {
        List<Written> written = new ArrayList<>();
        if (statement.parsed() instanceof CreateTable create && create.getColumnDefinitions() != null) {
            String table = KnownSchema.unquoted(create.getTable().getName());
            for (ColumnDefinition definition : create.getColumnDefinitions()) {
                written.add(new Written(table, null, ColumnSpec.of(definition), null));
            }
        } else if (statement.parsed() instanceof Alter alter && alter.getAlterExpressions() != null) {
            String table = KnownSchema.unquoted(alter.getTable().getName());
            for (AlterExpression expression : alter.getAlterExpressions()) {
                if (expression.getColDataTypeList() == null) {
                    continue;
                }
                for (ColumnDefinition definition : expression.getColDataTypeList()) {
                    ColumnSpec column = ColumnSpec.of(definition);
                    String oldName = switch (expression.getOperation()) {
                        case MODIFY -> column.name();
                        case CHANGE -> expression.getColumnOldName() == null ? column.name()
                                : KnownSchema.unquoted(expression.getColumnOldName());
                        default -> null;
                    };
                    written.add(new Written(table, oldName, column, expression.getOperation()));
                }
            }
        }
        return written;
    }
}
