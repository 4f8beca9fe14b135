package dev.rsx.sql;

import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationChangeSet;
import dev.rsx.engine.MigrationFile;
import dev.rsx.engine.SourceLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public List<MigrationStatement> read(MigrationChangeLog changeLog, MigrationChangeSet changeSet) {
        return read(changeLog, List.of(changeSet)).get(changeSet);
    }

    /**
     * The statements of each of {@code changeSets}, in order; must run inside the Liquibase scope. Liquibase splits
     * them one after the other (its scope belongs to this thread); the SQL parser, which takes nearly all the time,
     * reads them on every core.
     */
    public Map<MigrationChangeSet, List<MigrationStatement>> read(MigrationChangeLog changeLog,
            List<MigrationChangeSet> changeSets) {
        Map<MigrationChangeSet, List<Split>> splits = new LinkedHashMap<>();
        for (MigrationChangeSet changeSet : changeSets) {
            splits.put(changeSet, split(changeLog, changeSet));
        }
        List<Split> all = splits.values().stream().flatMap(List::stream).toList();
        List<StatementParser.Outcome> parsed = all.parallelStream()
                .map(split -> parser.parse(split.sql(), split.tokens())).toList();
        Map<MigrationChangeSet, List<MigrationStatement>> statements = new LinkedHashMap<>();
        int next = 0;
        for (Map.Entry<MigrationChangeSet, List<Split>> entry : splits.entrySet()) {
            List<MigrationStatement> ofChangeSet = new ArrayList<>();
            for (Split split : entry.getValue()) {
                ofChangeSet.add(split.statement(parsed.get(next++)));
            }
            statements.put(entry.getKey(), ofChangeSet);
        }
        return statements;
    }

    /** A statement as Liquibase cut it, before the parser reads it. */
    private record Split(MigrationFile file, String changeSetId, int line, String sql,
            List<SqlToken> tokens, String cutBefore) {

        MigrationStatement statement(StatementParser.Outcome parsed) {
            String error = parsed.error() == null || cutBefore == null ? parsed.error()
                    : "Liquibase ended the statement before at the ';' in the comment '" + cutBefore + "', as its"
                            + " splitter does not know # comments, so the server receives the rest of that comment"
                            + " as SQL; remove the ';' from the comment or start it with '-- '";
            return new MigrationStatement(file, changeSetId, line, sql, tokens, parsed.statement(), error);
        }
    }

    private static List<Split> split(MigrationChangeLog changeLog, MigrationChangeSet changeSet) {
        MigrationChangeLog.Source source = changeSet.source();
        SourceLines lines = new SourceLines(source.content());
        List<Split> splits = new ArrayList<>();
        String cutComment = null;
        for (String[] parts : partsOf(changeLog.liquibaseChangeSet(changeSet))) {
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
                // Located by the line of its first token: a /* comment */ line above it is not where it starts.
                splits.add(new Split(source.file(), changeSet.id(), lines.locate(sql), sql, tokens, cutBefore));
            }
        }
        return splits;
    }

    /**
     * How many of Liquibase's {@code statements} ({@link MigrationChangeLog#statementsOf}) are more than comments,
     * without parsing them.
     */
    public static int count(List<String> statements) {
        int count = 0;
        for (String sql : statements) {
            if (SqlLexer.hasTokens(sql)) {
                count++;
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
