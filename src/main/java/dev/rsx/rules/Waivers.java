package dev.rsx.rules;

import dev.rsx.sql.MigrationStatement;
import dev.rsx.sql.SqlLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rsx:allow} comments of one migration file, each given to the statement it belongs to: the statement
 * whose lines it is on, or else the next statement below it.
 */
final class Waivers {

    static final Waivers NONE = new Waivers(Map.of());

    private static final Pattern ALLOW = Pattern.compile("(?i)^rsx:allow\\s+(RSX\\d{3})\\b\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern ALLOW_DESTRUCTIVE = Pattern.compile("(?i)^rsx:allow-destructive\\b\\s*(.*)$", Pattern.DOTALL);

    private final Map<Integer, List<Waiver>> byStatementLine;

    private Waivers(Map<Integer, List<Waiver>> byStatementLine) {
        this.byStatementLine = byStatementLine;
    }

    static Waivers of(String fileContent, List<MigrationStatement> statements) {
        Map<Integer, List<Waiver>> byLine = new HashMap<>();
        for (SqlLexer.Comment comment : SqlLexer.lex(fileContent).comments()) {
            Waiver waiver = parse(comment);
            if (waiver == null) {
                continue;
            }
            owner(statements, comment.line()).ifPresent(s -> byLine.computeIfAbsent(s.line(), k -> new ArrayList<>()).add(waiver));
        }
        return new Waivers(byLine);
    }

    List<Waiver> of(MigrationStatement statement) {
        return byStatementLine.getOrDefault(statement.line(), List.of());
    }

    private static Optional<MigrationStatement> owner(List<MigrationStatement> statements, int line) {
        for (MigrationStatement statement : statements) {
            if (statement.line() > 0 && statement.line() <= line && line <= statement.endLine()) {
                return Optional.of(statement);
            }
        }
        return statements.stream().filter(s -> s.line() > line).findFirst();
    }

    private static Waiver parse(SqlLexer.Comment comment) {
        String text = comment.text().strip();
        Matcher destructive = ALLOW_DESTRUCTIVE.matcher(text);
        if (destructive.matches()) {
            return new Waiver(null, destructive.group(1).strip(), comment.line());
        }
        Matcher allow = ALLOW.matcher(text);
        return allow.matches() ? new Waiver(allow.group(1).toUpperCase(Locale.ROOT), allow.group(2).strip(),
                comment.line()) : null;
    }
}
