package dev.rsx.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits MySQL text into tokens and comments. The SQL parser stops at the first construct it does not model, but
 * some checks (forbidden statements, waiver comments, references to the tracking tables) must work on every
 * statement; they need only MySQL's lexical rules: {@code '…'}, {@code "…"} and {@code `…`} quoting with
 * backslash and doubled-quote escapes, and {@code --}, {@code #} and {@code /* … *&#47;} comments.
 */
public final class SqlLexer {

    /** A comment and the 1-based line it starts on; {@code text} without the comment markers. */
    public record Comment(String text, int line) {}

    /** What a text is made of. */
    public record Lexed(List<SqlToken> tokens, List<Comment> comments) {}

    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<Integer> hashComments = new ArrayList<>();
    private int at;
    private int line = 1;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    public static Lexed lex(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run(Integer.MAX_VALUE);
        return new Lexed(List.copyOf(lexer.tokens), List.copyOf(lexer.comments));
    }

    /** Whether {@code sql} is more than comments and whitespace; lexes no further than its first token. */
    public static boolean hasTokens(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run(1);
        return !lexer.tokens.isEmpty();
    }

    /**
     * {@code sql} with every {@code #} comment turned into a {@code --} comment: JSqlParser knows only the standard
     * comments, and a {@code #} comment inside a statement would make it unreadable.
     */
    public static String withDashComments(String sql) {
        if (sql.indexOf('#') < 0) {
            return sql;
        }
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run(Integer.MAX_VALUE);
        StringBuilder rewritten = new StringBuilder(sql);
        for (int i = lexer.hashComments.size() - 1; i >= 0; i--) {
            int at = lexer.hashComments.get(i);
            rewritten.replace(at, at + 1, "-- ");
        }
        return rewritten.toString();
    }

    /** Lexes until the end, or until {@code maxTokens} tokens are found. */
    private void run(int maxTokens) {
        while (at < sql.length() && tokens.size() < maxTokens) {
            char c = sql.charAt(at);
            if (c == '\n') {
                line++;
                at++;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '#' || (c == '-' && startsLineComment())) {
                lineComment(c == '#' ? 1 : 2);
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'' || c == '"') {
                quoted(c, SqlToken.Kind.STRING);
            } else if (c == '`') {
                quoted(c, SqlToken.Kind.QUOTED_IDENTIFIER);
            } else if (Character.isDigit(c)) {
                int start = at;
                while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
                    at++;
                }
                tokens.add(new SqlToken(SqlToken.Kind.NUMBER, sql.substring(start, at), line));
            } else if (isWordChar(c)) {
                int start = at;
                while (at < sql.length() && isWordChar(sql.charAt(at))) {
                    at++;
                }
                tokens.add(new SqlToken(SqlToken.Kind.WORD, sql.substring(start, at), line));
            } else {
                tokens.add(new SqlToken(SqlToken.Kind.SYMBOL, String.valueOf(c), line));
                at++;
            }
        }
    }

    /** MySQL needs whitespace (or the end) after {@code --} for it to start a comment. */
    private boolean startsLineComment() {
        return peek(1) == '-' && (at + 2 >= sql.length() || Character.isWhitespace(sql.charAt(at + 2)));
    }

    private void lineComment(int markerLength) {
        if (markerLength == 1) {
            hashComments.add(at);
        }
        int end = sql.indexOf('\n', at);
        end = end < 0 ? sql.length() : end;
        comments.add(new Comment(sql.substring(at + markerLength, end).strip(), line));
        at = end;
    }

    private void blockComment() {
        int end = sql.indexOf("*/", at + 2);
        end = end < 0 ? sql.length() : end;
        String body = sql.substring(at + 2, end);
        comments.add(new Comment(body.strip(), line));
        line += (int) body.chars().filter(ch -> ch == '\n').count();
        at = Math.min(sql.length(), end + 2);
    }

    private void quoted(char quote, SqlToken.Kind kind) {
        int start = at;
        int startLine = line;
        at++;
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (c == '\\' && quote != '`') {
                at += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            at++;
            if (c == quote) {
                if (peek(0) == quote) {
                    at++;
                    continue;
                }
                break;
            }
        }
        at = Math.min(at, sql.length());
        tokens.add(new SqlToken(kind, sql.substring(start, at), startLine));
    }

    private char peek(int offset) {
        int i = at + offset;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }
}
