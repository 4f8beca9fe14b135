package dev.rsx.engine;

import java.util.List;

/** Reading statements as people do: the SQL, not the comments Liquibase keeps in front of it. */
final class SqlText {

    private SqlText() {}

    /** The lines of {@code sql} from its first line of SQL on (blank and comment lines before it dropped). */
    static List<String> fromFirstSqlLine(String sql) {
        List<String> lines = sql.strip().lines().toList();
        int first = 0;
        while (first < lines.size() && isBlankOrComment(lines.get(first))) {
            first++;
        }
        return first == lines.size() ? lines : lines.subList(first, lines.size());
    }

    /** The first line of SQL, stripped; empty when there is none. */
    static String firstSqlLine(String sql) {
        return fromFirstSqlLine(sql).stream().map(String::strip).filter(l -> !isBlankOrComment(l)).findFirst().orElse("");
    }

    private static boolean isBlankOrComment(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("--") || stripped.startsWith("#");
    }
}
