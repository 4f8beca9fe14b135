package dev.rsx.engine;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which statements make MySQL commit implicitly: DDL and a few administrative statements commit the open transaction
 * before they run, and themselves. Liquibase runs a migration in one transaction, so this decides which statements of
 * a failed migration stayed committed and which were rolled back.
 */
final class ImplicitCommit {

    private static final Set<String> COMMITTING = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT",
            "REVOKE", "LOCK", "UNLOCK", "ANALYZE", "OPTIMIZE", "REPAIR", "FLUSH", "INSTALL", "UNINSTALL", "BEGIN",
            "START", "COMMIT", "CACHE", "LOAD");
    private static final Pattern LEADING_WORDS = Pattern.compile("^\\s*(\\w+)(?:\\s+(\\w+))?");

    private ImplicitCommit() {}

    static boolean causedBy(String sql) {
        Matcher m = LEADING_WORDS.matcher(SqlText.firstSqlLine(sql));
        if (!m.find()) {
            return false;
        }
        String first = m.group(1).toUpperCase(Locale.ROOT);
        String second = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
        if (first.equals("LOAD")) {
            return second.equals("INDEX"); // LOAD DATA is DML
        }
        if ((first.equals("CREATE") || first.equals("DROP")) && second.equals("TEMPORARY")) {
            return false;
        }
        return COMMITTING.contains(first);
    }
}
