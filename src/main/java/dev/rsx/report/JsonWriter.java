package dev.rsx.report;

import dev.rsx.engine.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A streaming JSON writer, pretty-printed with two-space indents: enough for the check reports without a JSON
 * library on the plugin's runtime classpath (none is there; Liquibase brings only SnakeYAML, whose YAML 1.1 escapes
 * such as {@code \x0B} and {@code \N} are not JSON).
 *
 * <p>Strings are written as UTF-8 text; quotes, backslashes and every control character are escaped, and so are
 * U+2028/U+2029 (valid JSON, but line breaks to JavaScript) and lone surrogates, which UTF-8 cannot encode. A
 * supplementary character (a valid surrogate pair) is written as the character itself.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();
    /** The open containers, innermost first. */
    private final Deque<Container> open = new ArrayDeque<>();
    private boolean afterName;

    private static final class Container {
        final boolean object;
        boolean empty = true;

        Container(boolean object) {
            this.object = object;
        }
    }

    JsonWriter beginObject() {
        return open(true);
    }

    JsonWriter endObject() {
        return close(true);
    }

    JsonWriter beginArray() {
        return open(false);
    }

    JsonWriter endArray() {
        return close(false);
    }

    /** The name of the next member of the current object. */
    JsonWriter name(String name) {
        if (afterName || open.isEmpty() || !open.peek().object) {
            throw new IllegalStateException("A name outside an object, or two in a row: " + name);
        }
        separate(true);
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate(false);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter value(long value) {
        separate(false);
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate(false);
        out.append(value);
        return this;
    }

    JsonWriter nullValue() {
        separate(false);
        out.append("null");
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** The document, followed by a newline; only once every container is closed. */
    String toJson() {
        if (!open.isEmpty() || afterName) {
            throw new IllegalStateException("Unclosed JSON container");
        }
        return out + "\n";
    }

    /** {@code value} as a JSON string literal, quotes included. */
    static String quote(String value) {
        JsonWriter writer = new JsonWriter();
        writer.string(value);
        return writer.out.toString();
    }

    /** Writes {@code json} to {@code target}, creating its directory; {@code what} names it in the error. */
    static void save(Path target, String json, String what) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Could not write the " + what + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private JsonWriter open(boolean object) {
        separate(false);
        out.append(object ? '{' : '[');
        open.push(new Container(object));
        return this;
    }

    private JsonWriter close(boolean object) {
        if (open.isEmpty() || open.peek().object != object || afterName) {
            throw new IllegalStateException("No open " + (object ? "object" : "array") + " to close here");
        }
        if (!open.pop().empty) {
            newline();
        }
        out.append(object ? '}' : ']');
        return this;
    }

    /** Before a value or a name: the comma and line break that separate it from the previous one. */
    private void separate(boolean name) {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            if (!out.isEmpty()) {
                throw new IllegalStateException("A JSON document has one top-level value");
            }
            return;
        }
        Container container = open.peek();
        if (container.object && !name) {
            throw new IllegalStateException("A value in an object needs a name first");
        }
        if (!container.empty) {
            out.append(',');
        }
        container.empty = false;
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(open.size()));
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
