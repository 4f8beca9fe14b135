package dev.rsx.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The description part of a migration's file name, checked the way seed 003's naming guidance asks: snake_case,
 * and saying what the migration does ({@code create_products_table}), not that it changes something
 * ({@code update}, {@code fix}, {@code new_stuff}).
 */
public final class MigrationName {

    private static final Pattern SNAKE_CASE = Pattern.compile("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
    /** Words that say nothing about what a migration does; a name made only of these is refused. */
    static final Set<String> VAGUE_WORDS = Set.of("update", "updates", "updated", "fix", "fixes", "fixed", "new", "stuff",
            "things", "change", "changes", "changed", "misc", "temp", "tmp", "test", "wip", "todo", "patch", "migration",
            "migrations", "db", "database", "schema", "data", "more", "final", "v1", "v2", "v3", "another", "some", "it",
            "my", "the", "a", "an", "and", "of", "to");

    private MigrationName() {}

    /**
     * Why {@code name} (snake_case) does not say what its migration does, if it does not: only vague words
     * ({@code update}, {@code fix}, {@code new_stuff}), or a single word.
     */
    public static Optional<String> vagueness(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("_");
        if (Arrays.stream(words).allMatch(VAGUE_WORDS::contains)) {
            return Optional.of("it does not say what the migration does; name the change and its table, e.g."
                    + " create_products_table, add_status_to_orders, drop_legacy_sessions");
        }
        if (words.length < 2) {
            return Optional.of("one word is too vague; say what changes and where, e.g. add_" + name + "_to_users or create_"
                    + name + "_table");
        }
        return Optional.empty();
    }

    /**
     * @throws ProjectException saying why {@code name} is refused and what a good one looks like
     */
    public static void requireValid(String name, List<MigrationFile> existing) {
        List<String> reasons = new ArrayList<>();
        if (name == null || name.isBlank()) {
            throw new ProjectException("A migration needs a name: mvn rsx:new -Dname=create_products_table");
        }
        if (!SNAKE_CASE.matcher(name).matches()) {
            reasons.add("it is not snake_case (lower-case words joined by underscores, e.g. "
                    + name.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase().replaceAll("[^a-z0-9]+", "_")
                            .replaceAll("^_+|_+$", "") + ")");
        } else {
            vagueness(name).ifPresent(reasons::add);
        }
        existing.stream().filter(m -> m.description().equals(name)).findFirst().ifPresent(m ->
                reasons.add("a migration with this name exists already (" + m.fileName() + "); choose a name for"
                        + " what this one adds"));
        if (!reasons.isEmpty()) {
            throw new ProjectException("Refusing migration name '" + name + "': " + String.join("; ", reasons) + ".");
        }
    }
}
