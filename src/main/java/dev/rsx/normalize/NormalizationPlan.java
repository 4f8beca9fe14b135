package dev.rsx.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything normalization will do, decided before anything runs. Foreign keys whose columns change are dropped
 * first and re-added with their names and rules last, because MySQL refuses to retype a column that a foreign key
 * uses; every other change of a table is one ALTER TABLE.
 */
public record NormalizationPlan(List<TableChanges> tables, List<SchemaModel.ForeignKey> rebuiltForeignKeys,
        List<String> warnings) {

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    List<String> dropForeignKeyStatements() {
        return byTable(rebuiltForeignKeys, fk -> "DROP FOREIGN KEY " + Identifiers.quote(fk.name()));
    }

    List<String> alterStatements() {
        return tables.stream().map(TableChanges::alterStatement).toList();
    }

    List<String> addForeignKeyStatements() {
        return byTable(rebuiltForeignKeys, NormalizationPlan::addClause);
    }

    /** Every statement in the order it runs. */
    public List<String> statements() {
        List<String> all = new ArrayList<>(dropForeignKeyStatements());
        all.addAll(alterStatements());
        all.addAll(addForeignKeyStatements());
        return all;
    }

    static String addClause(SchemaModel.ForeignKey fk) {
        return "ADD CONSTRAINT " + Identifiers.quote(fk.name()) + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + Identifiers.quote(fk.referencedTable()) + " (" + columns(fk.referencedColumns()) + ") ON DELETE "
                + fk.onDelete() + " ON UPDATE " + fk.onUpdate();
    }

    private static String columns(List<String> names) {
        return String.join(", ", names.stream().map(Identifiers::quote).toList());
    }

    private static List<String> byTable(List<SchemaModel.ForeignKey> keys,
            java.util.function.Function<SchemaModel.ForeignKey, String> clause) {
        java.util.Map<String, List<String>> clauses = new java.util.LinkedHashMap<>();
        for (SchemaModel.ForeignKey fk : keys) {
            clauses.computeIfAbsent(fk.table(), t -> new ArrayList<>()).add(clause.apply(fk));
        }
        return clauses.entrySet().stream()
                .map(e -> "ALTER TABLE " + Identifiers.quote(e.getKey()) + " " + String.join(", ", e.getValue()))
                .toList();
    }
}
