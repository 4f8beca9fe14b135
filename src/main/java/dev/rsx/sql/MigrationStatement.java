package dev.rsx.sql;

import dev.rsx.engine.MigrationFile;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;

/**
 * One statement of a migration, as Liquibase will run it, with where it stands in its file and what the SQL parser
 * made of it.
 *
 * @param changeSetId the changeset the statement belongs to (the version for a plain SQL migration)
 * @param line the 1-based line of the file where the statement's SQL starts; 0 when it could not be located
 * @param sql the statement from its first line of SQL on (comments in front of it are not part of it)
 * @param tokens the statement's tokens; their lines count from 1 at {@code line}
 * @param parsed the parser's syntax tree, or null when the parser could not read the statement
 * @param parseError why the parser could not read it, or null
 */
public record MigrationStatement(MigrationFile file, String changeSetId, int line, String sql, List<SqlToken> tokens,
        Statement parsed, String parseError) {

    /** The line of the file a token stands on. */
    public int lineOf(SqlToken token) {
        return line == 0 ? 0 : line + token.line() - 1;
    }

    /** The last line of the file the statement covers. */
    public int endLine() {
        return line == 0 ? 0 : line + (int) sql.chars().filter(c -> c == '\n').count();
    }

    /** True when the statement starts with these keywords, e.g. {@code startsWith("LOCK", "TABLES")}. */
    public boolean startsWith(String... keywords) {
        return SqlToken.startsWith(tokens, 0, keywords);
    }

    /** The first token that is the word {@code keyword}, if any. */
    public Optional<SqlToken> find(String keyword) {
        return tokens.stream().filter(t -> t.is(keyword)).findFirst();
    }

    /** The first token naming {@code name} (quoted or not), to point a finding at; empty when there is none. */
    public Optional<SqlToken> findName(String name) {
        String bare = name.replace("`", "");
        return tokens.stream().filter(t -> t.isName() && t.name().equalsIgnoreCase(bare)).findFirst();
    }

    /** The syntax tree when it is of the given type. */
    public <T extends Statement> Optional<T> parsedAs(Class<T> type) {
        return type.isInstance(parsed) ? Optional.of(type.cast(parsed)) : Optional.empty();
    }

    public String location() {
        return line > 0 ? file.fileName() + ":" + line : file.fileName();
    }
}
