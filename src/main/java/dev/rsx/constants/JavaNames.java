package dev.rsx.constants;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * How SQL names become Java names in the generated constants class. A name is cut into words at every character that
 * is not an ASCII letter or digit and at camel-case humps; accents are dropped ({@code é} becomes {@code e}) and any
 * other non-ASCII letter or digit becomes a word of its own, {@code U} and its code point in hex ({@code ß} becomes
 * {@code U00DF}), so the generated file is plain ASCII and compiles whatever the project's source encoding.
 */
final class JavaNames {

    /** Order of tables and columns in the generated class: case-insensitive, ties broken by exact spelling. */
    private static final Comparator<String> SQL_NAME_ORDER = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /** Identifiers the compiler accepts as variables but not as class names (JLS 3.9). */
    private static final Set<String> RESTRICTED_TYPE_NAMES = Set.of("var", "yield", "record", "sealed", "permits");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private JavaNames() {}

    /** A word of a SQL name; code-point words keep their spelling in every case style. */
    private record Word(String text, boolean codePoint) {}

    /** {@code order_lines} becomes {@code OrderLines}, {@code 2fa codes} becomes {@code _2faCodes}. */
    static String className(String sqlName) {
        StringBuilder name = new StringBuilder();
        for (Word word : words(sqlName)) {
            name.append(word.codePoint() ? word.text()
                    : word.text().substring(0, 1).toUpperCase(Locale.ROOT) + word.text().substring(1).toLowerCase(Locale.ROOT));
        }
        return startingWithIdentifierStart(name.toString());
    }

    /** {@code customer_id} becomes {@code CUSTOMER_ID}, {@code createdAt} becomes {@code CREATED_AT}. */
    static String constantName(String sqlName) {
        List<String> words = words(sqlName).stream().map(w -> w.text().toUpperCase(Locale.ROOT)).toList();
        return startingWithIdentifierStart(String.join("_", words));
    }

    private static String startingWithIdentifierStart(String name) {
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    private static List<Word> words(String sqlName) {
        int[] chars = COMBINING_MARKS.matcher(Normalizer.normalize(sqlName, Normalizer.Form.NFKD)).replaceAll("")
                .codePoints().toArray();
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (isAsciiLetterOrDigit(c)) {
                if (!word.isEmpty() && startsHump(chars, i)) {
                    words.add(new Word(word.toString(), false));
                    word.setLength(0);
                }
                word.appendCodePoint(c);
                continue;
            }
            if (!word.isEmpty()) {
                words.add(new Word(word.toString(), false));
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                words.add(codePointWord(c));
            }
        }
        if (!word.isEmpty()) {
            words.add(new Word(word.toString(), false));
        }
        if (words.isEmpty()) {
            // Nothing but separators ("$", "_"): spelled out, so the name still says which SQL name it stands for.
            sqlName.codePoints().forEach(c -> words.add(codePointWord(c)));
        }
        return words;
    }

    /** {@code createdAt}: before the A; {@code HTTPStatus}: before the S. Digits stay with the word before them. */
    private static boolean startsHump(int[] chars, int i) {
        int previous = chars[i - 1];
        if (!isAsciiUpper(chars[i])) {
            return false;
        }
        return !isAsciiUpper(previous) || i + 1 < chars.length && isAsciiLower(chars[i + 1]);
    }

    private static Word codePointWord(int c) {
        return new Word(String.format(Locale.ROOT, "U%04X", c), true);
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return isAsciiUpper(c) || isAsciiLower(c) || c >= '0' && c <= '9';
    }

    private static boolean isAsciiUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    /**
     * Unique Java names for {@code sqlNames}: where several map to the same name, or to one in {@code taken}, the first
     * in {@link #SQL_NAME_ORDER} keeps it and each other gets the smallest free suffix {@code _2}, {@code _3}, ...
     * A suffixed name is never one another SQL name maps to by itself, so adding a column cannot steal a name. With
     * {@code ignoreCase}, names differing only in case count as the same (class files on macOS and Windows).
     *
     * @return SQL name to Java name, in {@link #SQL_NAME_ORDER}
     */
    static Map<String, String> unique(Collection<String> sqlNames, Function<String, String> naming, Set<String> taken,
            boolean ignoreCase) {
        Function<String, String> key = ignoreCase ? n -> n.toLowerCase(Locale.ROOT) : Function.identity();
        List<String> ordered = sqlNames.stream().sorted(SQL_NAME_ORDER).toList();
        Map<String, String> natural = new LinkedHashMap<>();
        ordered.forEach(sqlName -> natural.put(sqlName, naming.apply(sqlName)));
        Set<String> naturalKeys = natural.values().stream().map(key).collect(Collectors.toSet());
        Set<String> used = taken.stream().map(key).collect(Collectors.toCollection(HashSet::new));
        Map<String, String> names = new LinkedHashMap<>();
        for (String sqlName : ordered) {
            String name = natural.get(sqlName);
            if (used.contains(key.apply(name))) {
                String base = name;
                int suffix = 2;
                do {
                    name = base + "_" + suffix++;
                } while (naturalKeys.contains(key.apply(name)) || used.contains(key.apply(name)));
            }
            used.add(key.apply(name));
            names.put(sqlName, name);
        }
        return names;
    }

    /** Whether the compiler reads {@code name} as one identifier (keywords included: see {@link #isKeyword}). */
    static boolean isIdentifierSyntax(String name) {
        return SourceVersion.isIdentifier(name);
    }

    static boolean isKeyword(String name) {
        return SourceVersion.isKeyword(name, SourceVersion.RELEASE_17);
    }

    static boolean isRestrictedTypeName(String name) {
        return RESTRICTED_TYPE_NAMES.contains(name);
    }

    /**
     * A package name part made from anything, as JLS 6.1 advises for domain names: characters an identifier cannot
     * hold become {@code _}, a keyword gets {@code _} appended, a part that cannot start an identifier gets one
     * prefixed.
     */
    static String packagePart(String text) {
        StringBuilder part = new StringBuilder();
        text.codePoints().forEach(c -> part.appendCodePoint(
                Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c) ? c : '_'));
        String name = part.toString();
        if (isKeyword(name)) {
            name = name + "_";
        }
        return Character.isJavaIdentifierStart(name.codePointAt(0)) ? name : "_" + name;
    }
}
