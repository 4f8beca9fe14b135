package dev.rsx.rules.checks;

import dev.rsx.rules.Findings;
import dev.rsx.rules.KnownSchema;
import dev.rsx.rules.Risk;
import dev.rsx.rules.RuleDefinition;
import dev.rsx.rules.StatementRule;
import dev.rsx.sql.MigrationStatement;
import java.util.List;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.update.Update;

/**
 * An UPDATE or DELETE without WHERE changes every row, which is rarely what a data migration means. A multi-table
 * UPDATE whose inner join has an ON condition ({@code UPDATE orders o JOIN users u ON u.id = o.user_id SET …})
 * changes only the joined rows, so the join counts as its filter; an outer or cross join does not.
 */
public final class UnfilteredWriteRule implements StatementRule {

    public static final RuleDefinition DEFINITION = RuleDefinition.destructive("RSX504", Risk.DANGEROUS,
            "UPDATE and DELETE have a WHERE clause",
            "Add the WHERE clause that selects the rows to change. If every row is meant, say so: WHERE 1 = 1, or"
                    + " acknowledge it on the statement.",
            "UPDATE users SET role = 'member' WHERE role IS NULL;");

    @Override
    public RuleDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void check(MigrationStatement statement, KnownSchema schema, Findings findings) {
        if (statement.parsed() instanceof Update update && update.getWhere() == null && !filteringJoin(update.getStartJoins())
                && !filteringJoin(update.getJoins())) {
            String table = KnownSchema.unquoted(update.getTable().getName());
            findings.add(DEFINITION, statement, null, table, "UPDATE " + table + " without WHERE changes every row.");
        } else if (statement.parsed() instanceof Delete delete && delete.getWhere() == null) {
            String table = delete.getTable() == null ? "?" : KnownSchema.unquoted(delete.getTable().getName());
            findings.add(DEFINITION, statement, null, table, "DELETE FROM " + table + " without WHERE deletes every row.");
        }
    }

    private static boolean filteringJoin(List<Join> joins) {
        return joins != null && joins.stream().anyMatch(j -> !(j.isLeft() || j.isRight() || j.isFull() || j.isOuter()
                || j.isCross() || j.isNatural()) && (!j.getOnExpressions().isEmpty() || !j.getUsingColumns().isEmpty()));
    }
}
