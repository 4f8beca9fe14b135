package dev.rsx.engine;

/** A statement of a migration file and the line it starts on (0 when it could not be located). */
public record LocatedStatement(int line, String sql) {

    /** The statement as it reads in a message: from its first line of SQL, at most a few lines, indented. */
    public String preview(String indent) {
        String[] lines = SqlText.fromFirstSqlLine(sql).toArray(String[]::new);
        StringBuilder out = new StringBuilder();
        int shown = Math.min(lines.length, 6);
        for (int i = 0; i < shown; i++) {
            out.append(indent).append(lines[i].stripTrailing()).append('\n');
        }
        if (lines.length > shown) {
            out.append(indent).append("... (").append(lines.length - shown).append(" more lines)\n");
        }
        return out.toString();
    }

    /** The first line of SQL, for one-line listings. */
    public String firstLine() {
        return SqlText.firstSqlLine(sql);
    }

    public String where(String fileName) {
        return line > 0 ? fileName + ":" + line : fileName;
    }
}
