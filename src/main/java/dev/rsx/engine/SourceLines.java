package dev.rsx.engine;

/**
 * Finds where an executed statement stands in its migration file. Liquibase splits and trims statements and keeps
 * the comments before them, so a statement is located by its first line of SQL (not blank, not a comment),
 * searching forward from the previous statement.
 */
public final class SourceLines {

    private final String content;
    private int searchFrom;

    public SourceLines(String content) {
        this.content = content;
    }

    /** The 1-based line where {@code statement} starts, or 0 when it cannot be found. */
    public int locate(String statement) {
        String firstLine = SqlText.firstSqlLine(statement);
        if (firstLine.isEmpty()) {
            return 0;
        }
        int at = content.indexOf(firstLine, searchFrom);
        if (at < 0) {
            at = content.indexOf(firstLine);
        }
        if (at < 0) {
            return 0;
        }
        searchFrom = at + firstLine.length();
        return lineOf(at);
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
