package dev.rsx.normalize;

import java.util.List;

/**
 * The changes normalization makes to one table: the clauses of its single ALTER TABLE, and what each does in words.
 */
public record TableChanges(String table, List<String> clauses, List<String> descriptions) {

    /** In words, as the log and the migration report print it: {@code orders: added created_at; indexed created_at}. */
    public String summary() {
        return table + ": " + String.join("; ", descriptions);
    }

    String alterStatement() {
        return "ALTER TABLE " + Identifiers.quote(table) + " " + String.join(", ", clauses);
    }
}
