package dev.rsx.rules;

/**
 * One violation of a rule, where it is and what to do about it.
 *
 * @param file the migration file name; null for a finding on the live schema
 * @param line the 1-based line where the statement (or the problem) starts; 0 when there is no line
 * @param markedLine the line the finding points at inside the statement, marked in the code preview
 * @param table the table concerned, when there is one; a waived finding on a table also waives the live check of
 *     the same rule on that table
 * @param statement the statement's SQL from {@code line} on, for the code preview; null when there is none
 * @param waiver the comment that accepted the finding, or null
 */
public record Finding(RuleDefinition rule, String file, int line, int markedLine, String table, String message,
        String statement, Waiver waiver) {

    public boolean waived() {
        return waiver != null && waiver.hasReason();
    }

    public String location() {
        if (file == null) {
            return table == null ? "database" : "table " + table;
        }
        return markedLine > 0 ? file + ":" + markedLine : line > 0 ? file + ":" + line : file;
    }
}
