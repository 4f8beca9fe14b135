package dev.rsx.engine;

/** A statement of a migration file and the line it starts on (0 when it could not be located). */
public record LocatedStatement(int line, String sql) {

    /** The statement as it reads in a message: at most a few lines, indented. */
    public String preview(String indent) {
        String[] lines = sql.strip().split("\\R");
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

    public String where(String fileName) {
        return line > 0 ? fileName + ":" + line : fileName;
    }
}
