package dev.rsx.sql;

import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.SourceLines;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.util.StringUtil;

/**
 * Reads a changeset's statements exactly as Liquibase will split them (its own splitter, the changeset's end
 * delimiter), so what the rules check is what the server runs, then locates and parses each one.
 */
public final class StatementReader {

    private final StatementParser parser = new StatementParser();

    /** The statements of {@code changeSet}, in order; must run inside the Liquibase scope. */
    public List<MigrationStatement> read(MigrationChangeLog changeLog, ChangeSet changeSet) {
        MigrationChangeLog.Source source = changeLog.sourceOf(changeSet);
        SourceLines lines = new SourceLines(source.content());
        List<MigrationStatement> statements = new ArrayList<>();
        String cutComment = null;
        for (String[] parts : partsOf(changeSet)) {
            for (String part : parts) {
                SqlLexer.Lexed lexed = SqlLexer.lex(part);
                String cutBefore = cutComment;
                cutComment = cutHashComment(part);
                if (lexed.tokens().isEmpty()) {
                    continue;
                }
                int firstLine = lexed.tokens().get(0).line();
                String sql = part.lines().skip(firstLine - 1L).reduce((a, b) -> a + "\n" + b).orElse(part).strip();
                List<SqlToken> tokens = lexed.tokens().stream()
                        .map(t -> new SqlToken(t.kind(), t.text(), t.line() - firstLine + 1)).toList();
                StatementParser.Outcome parsed = parser.parse(sql, tokens);
                String error = parsed.error() == null || cutBefore == null ? parsed.error()
                        : "Liquibase ended the statement before at the ';' in the comment '" + cutBefore + "', as its"
                                + " splitter does not know # comments, so the server receives the rest of that comment"
                                + " as SQL; remove the ';' from the comment or start it with '-- '";
                // Located by the line of its first token: a /* comment */ line above it is not where it starts.
                statements.add(new MigrationStatement(source.file(), changeSet.getId(), lines.locate(sql), sql, tokens,
                        parsed.statement(), error));
            }
        }
        return statements;
    }

    /**
     * How many statements {@code changeSet} sends to the server, split as Liquibase splits them, without parsing them;
     * must run inside the Liquibase scope.
     */
    public static int count(ChangeSet changeSet) {
        int count = 0;
        for (String[] parts : partsOf(changeSet)) {
            for (String part : parts) {
                if (!SqlLexer.lex(part).tokens().isEmpty()) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Each SQL change of {@code changeSet}, split into the pieces Liquibase runs one by one. */
    private static List<String[]> partsOf(ChangeSet changeSet) {
        List<String[]> parts = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof AbstractSQLChange sqlChange && sqlChange.getSql() != null) {
                parts.add(StringUtil.processMultiLineSQL(sqlChange.getSql(), false,
                        !Boolean.FALSE.equals(sqlChange.isSplitStatements()), sqlChange.getEndDelimiter(), changeSet));
            }
        }
        return parts;
    }

    /** The {@code #} comment Liquibase cut at a ';' when {@code part} ends inside one, else null. */
    private static String cutHashComment(String part) {
        String lastLine = part.substring(part.lastIndexOf('\n') + 1);
        int hash = lastLine.indexOf('#');
        if (hash < 0) {
            return null;
        }
        List<SqlLexer.Comment> comments = SqlLexer.lex(lastLine).comments();
        return !comments.isEmpty() && comments.get(comments.size() - 1).text().equals(lastLine.substring(hash + 1).strip())
                ? lastLine.substring(hash).strip() : null;
    }
}
