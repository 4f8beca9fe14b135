package dev.rsx.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * JSqlParser on one statement, in the calling thread: its convenience entry point hands every statement to an
 * executor for a timeout, which costs more than parsing a migration's short statements. Two gaps of JSqlParser
 * 5.3 in everyday MySQL DDL are bridged (see docs/decisions.md): an ALTER TABLE is read clause by clause when it
 * does not parse whole, with {@code DROP INDEX|KEY|FOREIGN KEY|CHECK|CONSTRAINT name} read from its tokens; a
 * CREATE TABLE is read without its {@code PARTITION BY} or {@code WITH SYSTEM VERSIONING} tail, which no rule
 * looks at. A third gap is the index kinds JSqlParser only half knows: {@code FULLTEXT INDEX} and {@code SPATIAL}
 * indexes inside a CREATE TABLE, and {@code CREATE FULLTEXT|SPATIAL INDEX}, are read as plain indexes, since no
 * rule asks what kind an index is. {@code #} comments, which JSqlParser does not know, are handed to it as
 * {@code --} comments. Anything else the parser cannot read comes back as an error, never as a
 * silently empty tree.
 */
final class StatementParser {

    /** The syntax tree, or why there is none. */
    record Outcome(Statement statement, String error) {}

    Outcome parse(String sql, List<SqlToken> tokens) {
        Outcome whole = parse(SqlLexer.withDashComments(sql));
        if (whole.statement() != null) {
            return whole;
        }
        if (SqlToken.startsWith(tokens, 0, "ALTER", "TABLE") && tokens.size() > 3) {
            Alter alter = alterByClauses(tokens);
            return alter != null ? new Outcome(alter, null) : whole;
        }
        if (SqlToken.startsWith(tokens, 0, "CREATE", "TABLE") || SqlToken.startsWith(tokens, 0, "CREATE", "OR", "REPLACE", "TABLE")) {
            int tail = topLevelTail(tokens);
            List<SqlToken> head = tail > 0 ? tokens.subList(0, tail) : tokens;
            List<SqlToken> table = plainIndexes(head);
            if (tail > 0 || table != head) {
                Outcome bridged = parse(join(table));
                return bridged.statement() != null ? bridged : whole;
            }
        }
        if (SqlToken.startsWith(tokens, 0, "CREATE", "FULLTEXT", "INDEX") || SqlToken.startsWith(tokens, 0, "CREATE", "SPATIAL", "INDEX")) {
            List<SqlToken> plain = new ArrayList<>(tokens);
            plain.remove(1);
            Outcome bridged = parse(join(plain));
            return bridged.statement() != null ? bridged : whole;
        }
        return whole;
    }

    private static Outcome parse(String sql) {
        try {
            Statement statement = CCJSqlParserUtil.newParser(sql).Statement();
            if (statement == null || statement instanceof UnsupportedStatement) {
                return new Outcome(null, "the SQL parser does not model this kind of statement");
            }
            return new Outcome(statement, null);
        } catch (ParseException | RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(null, message.lines().findFirst().orElse(message).strip());
        }
    }

    /** {@code ALTER TABLE t c1, c2, …} as one Alter, or null when some clause is unreadable. */
    private static Alter alterByClauses(List<SqlToken> tokens) {
        String head = join(tokens.subList(0, 3));
        Alter combined = null;
        List<AlterExpression> expressions = new ArrayList<>();
        for (List<SqlToken> clause : topLevelClauses(tokens.subList(3, tokens.size()))) {
            AlterExpression dropped = droppedConstraint(clause);
            if (dropped != null) {
                expressions.add(dropped);
                continue;
            }
            Outcome parsed = parse(head + " " + join(clause));
            if (!(parsed.statement() instanceof Alter alter) || alter.getAlterExpressions() == null) {
                return null;
            }
            combined = combined == null ? alter : combined;
            expressions.addAll(alter.getAlterExpressions());
        }
        if (combined == null) {
            combined = new Alter();
            combined.setTable(new net.sf.jsqlparser.schema.Table(tokens.get(2).name()));
        }
        combined.setAlterExpressions(expressions);
        return combined;
    }

    private static AlterExpression droppedConstraint(List<SqlToken> clause) {
        AlterExpression expression = new AlterExpression();
        if (clause.size() == 3 && SqlToken.startsWith(clause, 0, "DROP") && (clause.get(1).is("INDEX") || clause.get(1).is("KEY"))) {
            expression.setOperation(AlterOperation.DROP);
            expression.setIndex(new Index().withName(clause.get(2).name()).withType(clause.get(1).upper()));
            return expression;
        }
        if (clause.size() == 4 && SqlToken.startsWith(clause, 0, "DROP", "FOREIGN", "KEY")) {
            expression.setOperation(AlterOperation.DROP_FOREIGN_KEY);
            expression.setConstraintName(clause.get(3).name());
            return expression;
        }
        if (clause.size() == 3 && SqlToken.startsWith(clause, 0, "DROP") && (clause.get(1).is("CHECK") || clause.get(1).is("CONSTRAINT"))) {
            expression.setOperation(AlterOperation.DROP);
            expression.setConstraintName(clause.get(2).name());
            return expression;
        }
        return null;
    }

    private static List<List<SqlToken>> topLevelClauses(List<SqlToken> tokens) {
        List<List<SqlToken>> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (tokens.get(i).kind() == SqlToken.Kind.SYMBOL) {
                depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
                if (depth == 0 && text.equals(",")) {
                    clauses.add(tokens.subList(start, i));
                    start = i + 1;
                }
            }
        }
        clauses.add(tokens.subList(start, tokens.size()));
        return clauses;
    }

    /**
     * The table's tokens with every {@code FULLTEXT|SPATIAL [INDEX|KEY]} that starts a table element replaced by
     * {@code INDEX} (JSqlParser reads {@code FULLTEXT KEY} but neither {@code FULLTEXT INDEX} nor {@code SPATIAL});
     * {@code tokens} itself when there is none.
     */
    private static List<SqlToken> plainIndexes(List<SqlToken> tokens) {
        List<SqlToken> plain = new ArrayList<>();
        boolean replaced = false;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean startsElement = depth == 1 && i > 0 && (tokens.get(i - 1).text().equals("(") || tokens.get(i - 1).text().equals(","));
            if (startsElement && (token.is("FULLTEXT") || token.is("SPATIAL"))) {
                plain.add(new SqlToken(SqlToken.Kind.WORD, "INDEX", token.line()));
                replaced = true;
                if (i + 1 < tokens.size() && (tokens.get(i + 1).is("INDEX") || tokens.get(i + 1).is("KEY"))) {
                    i++;
                }
                continue;
            }
            if (token.kind() == SqlToken.Kind.SYMBOL) {
                depth += token.text().equals("(") ? 1 : token.text().equals(")") ? -1 : 0;
            }
            plain.add(token);
        }
        return replaced ? plain : tokens;
    }

    /** Where a top-level {@code PARTITION BY} or {@code WITH SYSTEM VERSIONING} starts, or -1. */
    private static int topLevelTail(List<SqlToken> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() == SqlToken.Kind.SYMBOL) {
                depth += token.text().equals("(") ? 1 : token.text().equals(")") ? -1 : 0;
            } else if (depth == 0 && (SqlToken.startsWith(tokens, i, "PARTITION", "BY") || SqlToken.startsWith(tokens, i, "WITH", "SYSTEM", "VERSIONING"))) {
                return i;
            }
        }
        return -1;
    }

    private static String join(List<SqlToken> tokens) {
        StringBuilder sql = new StringBuilder();
        for (SqlToken token : tokens) {
            if (sql.length() > 0) {
                sql.append(' ');
            }
            sql.append(token.text());
        }
        return sql.toString();
    }
}
