package dev.rsx.normalize;

/** MySQL identifier quoting. */
final class Identifiers {

    private Identifiers() {}

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** The backquoted name a SHOW CREATE TABLE line starts with, unquoted. */
    static String leadingName(String line) {
        StringBuilder name = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '`') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '`') {
                    name.append('`');
                    i++;
                    continue;
                }
                break;
            }
            name.append(c);
        }
        return name.toString();
    }
}
