package dev.rsx.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as the rules compare it: {@code bigint}, {@code varchar} with {@code [255]}, unsigned or not. Read
 * from the parser's text ({@code INT UNSIGNED}, {@code VARCHAR (255)}) or from information_schema's
 * {@code COLUMN_TYPE} ({@code int(11) unsigned}); display widths of integers are ignored, as MySQL 8 does.
 */
public record ColumnType(String base, List<String> arguments, boolean unsigned) {

    private static final Pattern TYPE = Pattern.compile(
            "^\\s*([a-z]+(?:\\s+(?:precision|varying|varchar))?)\\s*(?:\\(([^)]*)\\))?(.*)$", Pattern.DOTALL);
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final Map<String, String> ALIASES = Map.of("integer", "int", "bool", "tinyint", "boolean", "tinyint",
            "double precision", "double", "real", "double", "dec", "decimal", "numeric", "decimal", "character", "char");

    /** Parses a type; {@code specs} are the parser's words after the type, which may hold {@code UNSIGNED}. */
    public static ColumnType parse(String text, List<String> specs) {
        Matcher m = TYPE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return new ColumnType(text.toLowerCase(Locale.ROOT).strip(), List.of(), false);
        }
        String base = ALIASES.getOrDefault(m.group(1).strip(), m.group(1).strip());
        List<String> arguments = m.group(2) == null ? List.of()
                : Arrays.stream(m.group(2).split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (INTEGERS.contains(base) && !(base.equals("tinyint") && arguments.equals(List.of("1")))) {
            arguments = List.of();
        }
        boolean unsigned = m.group(3).contains("unsigned")
                || (specs != null && specs.stream().anyMatch(s -> s.equalsIgnoreCase("UNSIGNED")));
        return new ColumnType(base, arguments, unsigned);
    }

    public boolean isInteger() {
        return INTEGERS.contains(base);
    }

    /**
     * The type after {@code rsx:normalize}: narrower integers become {@code BIGINT} (signed), {@code TEXT}
     * {@code LONGTEXT}, {@code FLOAT} {@code DOUBLE}; {@code TINYINT(1)} booleans stay.
     */
    public ColumnType normalized() {
        return switch (base) {
            case "smallint", "mediumint", "int", "bigint" -> new ColumnType("bigint", List.of(), false);
            case "tinytext", "text", "mediumtext" -> new ColumnType("longtext", List.of(), false);
            case "float" -> new ColumnType("double", List.of(), unsigned);
            default -> this;
        };
    }

    /**
     * Why a change from this type to {@code to} can lose data, or null when it cannot: a smaller integer, a shorter
     * string, fewer digits, a text type turned into a string, or a change of type family.
     */
    public String narrowingTo(ColumnType to) {
        if (isInteger() && to.isInteger()) {
            int from = INTEGERS.indexOf(base);
            int target = INTEGERS.indexOf(to.base);
            if (target < from || (target == from && unsigned && !to.unsigned)) {
                return describe() + " holds larger numbers than " + to.describe();
            }
            return !unsigned && to.unsigned ? describe() + " holds negative numbers, " + to.describe() + " does not" : null;
        }
        if (TEXTS.contains(base) && TEXTS.contains(to.base)) {
            return TEXTS.indexOf(to.base) < TEXTS.indexOf(base) ? describe() + " holds longer text than " + to.describe() : null;
        }
        if (TEXTS.contains(base) && isString(to.base)) {
            return describe() + " holds longer text than " + to.describe();
        }
        if (isString(base) && isString(to.base)) {
            return length(to) < length(this) ? describe() + " holds longer strings than " + to.describe() : null;
        }
        if (isString(base) && TEXTS.contains(to.base)) {
            return null;
        }
        if (base.equals("decimal") && to.base.equals("decimal")) {
            return number(to, 0) < number(this, 0) || number(to, 1) < number(this, 1)
                    ? describe() + " holds more digits than " + to.describe() : null;
        }
        if (base.equals("double") && to.base.equals("float")) {
            return describe() + " is more precise than " + to.describe();
        }
        if (base.equals(to.base)) {
            return number(to, 0) < number(this, 0) ? describe() + " is more precise than " + to.describe() : null;
        }
        return isInteger() && (to.base.equals("decimal") || to.base.equals("double")) ? null
                : "changing " + describe() + " to " + to.describe() + " converts every value";
    }

    /** SQL-like text: {@code varchar(255)}, {@code int unsigned}. */
    public String describe() {
        return base + (arguments.isEmpty() ? "" : "(" + String.join(",", arguments) + ")") + (unsigned ? " unsigned" : "");
    }

    private static boolean isString(String base) {
        return base.equals("varchar") || base.equals("char") || base.equals("varbinary") || base.equals("binary");
    }

    private static long length(ColumnType type) {
        return number(type, 0);
    }

    private static long number(ColumnType type, int index) {
        try {
            return index < type.arguments.size() ? Long.parseLong(type.arguments.get(index)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
