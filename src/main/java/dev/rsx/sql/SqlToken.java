package dev.rsx.sql;

import java.util.List;
import java.util.Locale;

/**
 * One token of a statement: a word (keyword or identifier), a quoted identifier, a string literal or a symbol.
 *
 * @param text as written, quotes included
 * @param line 1-based line within the text that was tokenized
 */
public record SqlToken(Kind kind, String text, int line) {

    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    /** True for a word equal to {@code keyword}, ignoring case; never for quoted text. */
    public boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The name this token stands for: quotes removed for a quoted identifier, the word itself otherwise. */
    public String name() {
        return kind == Kind.QUOTED_IDENTIFIER ? text.substring(1, text.length() - 1).replace("``", "`") : text;
    }

    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** True when {@code tokens} hold the words {@code keywords} from index {@code from} on. */
    public static boolean startsWith(List<SqlToken> tokens, int from, String... keywords) {
        if (tokens.size() < from + keywords.length) {
            return false;
        }
        for (int i = 0; i < keywords.length; i++) {
            if (!tokens.get(from + i).is(keywords[i])) {
                return false;
            }
        }
        return true;
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
