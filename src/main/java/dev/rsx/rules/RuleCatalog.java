package dev.rsx.rules;

import dev.rsx.rules.checks.DescriptiveNameRule;
import dev.rsx.rules.checks.DropColumnRule;
import dev.rsx.rules.checks.DropConstraintRule;
import dev.rsx.rules.checks.DropTableRule;
import dev.rsx.rules.checks.FixtureDataOnlyRule;
import dev.rsx.rules.checks.ForbiddenStatementRule;
import dev.rsx.rules.checks.ForeignKeyChecksRule;
import dev.rsx.rules.checks.ForeignKeyTypeRule;
import dev.rsx.rules.checks.ForwardOnlyRule;
import dev.rsx.rules.checks.IdColumnChangeRule;
import dev.rsx.rules.checks.NarrowingRule;
import dev.rsx.rules.checks.NotNullRule;
import dev.rsx.rules.checks.RenameRule;
import dev.rsx.rules.checks.RequiredIdRule;
import dev.rsx.rules.checks.TrackingTableRule;
import dev.rsx.rules.checks.TruncateRule;
import dev.rsx.rules.checks.UnfilteredWriteRule;
import dev.rsx.rules.checks.UnsignedKeyRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every rule, registered once. Ids are stable: they appear in users' waiver comments, {@code <disabledRules>}
 * and CI annotations, so a retired id is never given to another rule.
 */
public final class RuleCatalog {

    public static final RuleDefinition LIVE_UTF8MB4 = RuleDefinition.error("RSX104", "Tables and text columns use utf8mb4",
            "Let normalization convert the table (do not exempt it, do not skip normalization), or convert it yourself.",
            "ALTER TABLE legacy_notes CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
    public static final RuleDefinition NOT_SQL = RuleDefinition.error("RSX201", "Raw SQL migrations only",
            "Rewrite the changelog as plain SQL statements in a .sql file (mvn rsx:new). Liquibase XML, YAML and JSON"
                    + " changelogs and change types are not accepted, as seed 001 refuses Laravel's Schema builder.",
            "-- 20251121093000_create_products_table.sql\nCREATE TABLE products (\n"
                    + "    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n    name VARCHAR(255) NOT NULL\n);");
    public static final RuleDefinition DUPLICATE_VERSION = RuleDefinition.error("RSX602", "Every migration has its own version",
            "Give the newer file a fresh version: create it again with mvn rsx:new and move its SQL over.",
            "20251121093000_create_products_table.sql\n20251121094500_add_price_to_products.sql");
    public static final RuleDefinition OUT_OF_ORDER = RuleDefinition.error("RSX603",
            "No pending migration older than the newest applied one",
            "The database already ran a newer migration, so this one would run out of order (typically a branch merged"
                    + " late). Give it a version after the newest applied one: mvn rsx:new, move the SQL over, delete the"
                    + " old file, mvn rsx:hash. Disable RSX603 only if the order truly does not matter.",
            "mvn rsx:new -Dname=add_status_to_orders");
    public static final RuleDefinition FILE_NAME = RuleDefinition.error("RSX604", "Migration files are named <version>_<description>.sql",
            "Rename the file, or create migrations with mvn rsx:new -Dname=<description>.",
            "20251121093000_create_products_table.sql\n001_create_users_table.sql");
    public static final RuleDefinition UNRECORDED = RuleDefinition.error("RSX701", "Every migration is recorded in rsx.sum",
            "Create migrations with mvn rsx:new, which records them. If you added this file on purpose, record it with"
                    + " mvn rsx:hash and commit rsx.sum with it.",
            "mvn rsx:new -Dname=add_status_to_orders");
    public static final RuleDefinition EDITED = RuleDefinition.error("RSX702", "Recorded migrations are not edited",
            "If the migration has not run anywhere yet and the edit is intended, record it with mvn rsx:hash. If it has"
                    + " run, restore it (git checkout) and put the change in a new migration.",
            "git checkout -- src/main/resources/db/migrations/\nmvn rsx:new -Dname=fix_price_precision");
    public static final RuleDefinition REMOVED = RuleDefinition.error("RSX703", "Recorded migrations are not removed",
            "Restore the file. If it never ran anywhere and removing it is intended, record that with mvn rsx:hash.",
            "git checkout -- src/main/resources/db/migrations/");
    public static final RuleDefinition SUM_CONFLICT = RuleDefinition.error("RSX704", "rsx.sum is consistent",
            "Two branches added migrations, or rsx.sum was edited by hand. Check that the migrations of both branches"
                    + " are in the intended version order (give the one that must run last a fresh version), keep both"
                    + " sides' entries, then run mvn rsx:hash.",
            "mvn rsx:hash");
    public static final RuleDefinition SUM_MISSING = RuleDefinition.error("RSX705", "The migrations directory has rsx.sum",
            "Run mvn rsx:hash once to start recording, and commit rsx.sum. mvn rsx:new keeps it up to date from then on.",
            "mvn rsx:hash\ngit add src/main/resources/db/migrations/rsx.sum");
    public static final RuleDefinition DRIFT_CHANGED = RuleDefinition.error("RSX801",
            "Applied migrations match their files",
            "The database ran a different text than the file holds now. Restore the applied text (git log -p on the"
                    + " file) and put the change in a new migration.",
            "git checkout <commit> -- src/main/resources/db/migrations/20251121090000_create_users_table.sql");
    public static final RuleDefinition DRIFT_MISSING = RuleDefinition.error("RSX802",
            "Applied migrations still have their files",
            "Restore the file under its old name: migrations are never deleted or renamed once applied.",
            "git log --diff-filter=DR --name-status -- src/main/resources/db/migrations");
    public static final RuleDefinition APPLIES_FROM_EMPTY = RuleDefinition.error("RSX902",
            "Migrations apply to an empty database",
            "Fix the statement the server refused (the message says why), and run mvn rsx:check again. It ran on a"
                    + " scratch database; nothing of yours was changed.",
            "-- e.g. a column referenced before the migration that adds it: reorder the migrations");
    public static final RuleDefinition NOT_STATICALLY_CHECKED = RuleDefinition.warning("RSX901",
            "Statements the SQL parser cannot read are checked on the live schema",
            "Nothing to do if the statement is right: it is checked against the live schema after it runs. Forbidden"
                    + " statements are still recognised by their keywords.",
            "-- e.g. a trigger body in a formatted SQL changeset is checked after it is created");

    private static final List<StatementRule> STATEMENT_RULES = List.of(new RequiredIdRule(), new IdColumnChangeRule(),
            new UnsignedKeyRule(), ForbiddenStatementRule.databases(), ForbiddenStatementRule.use(),
            ForbiddenStatementRule.accounts(), new TrackingTableRule(), ForbiddenStatementRule.delimiter(),
            ForbiddenStatementRule.lockTables(), ForbiddenStatementRule.globalVariables(), new ForeignKeyTypeRule(),
            new DropTableRule(), new DropColumnRule(), new TruncateRule(), new UnfilteredWriteRule(), new NotNullRule(),
            new NarrowingRule(), new RenameRule(), new DropConstraintRule());
    private static final List<MigrationFileRule> FILE_RULES = List.of(new ForwardOnlyRule(), new ForeignKeyChecksRule(),
            new DescriptiveNameRule());
    /** Fixtures are data: the id and destructive-change rules do not apply, the forbidden statements do. */
    private static final Set<String> FIXTURE_RULE_IDS = Set.of("RSX301", "RSX302", "RSX303", "RSX304", "RSX305", "RSX306",
            "RSX307", "RSX308");
    private static final List<StatementRule> FIXTURE_STATEMENT_RULES = Stream.concat(
            STATEMENT_RULES.stream().filter(r -> FIXTURE_RULE_IDS.contains(r.definition().id())),
            Stream.of(new FixtureDataOnlyRule())).toList();
    private static final List<MigrationFileRule> FIXTURE_FILE_RULES = FILE_RULES.stream()
            .filter(r -> FIXTURE_RULE_IDS.contains(r.definition().id())).toList();
    private static final List<RuleDefinition> ALL = register();

    private RuleCatalog() {}

    private static List<RuleDefinition> register() {
        List<RuleDefinition> all = new ArrayList<>();
        STATEMENT_RULES.forEach(r -> all.add(r.definition()));
        FILE_RULES.forEach(r -> all.add(r.definition()));
        all.add(FixtureDataOnlyRule.DEFINITION);
        all.addAll(List.of(LIVE_UTF8MB4, NOT_SQL, DUPLICATE_VERSION, OUT_OF_ORDER, FILE_NAME, UNRECORDED, EDITED, REMOVED,
                SUM_CONFLICT, SUM_MISSING, DRIFT_CHANGED, DRIFT_MISSING, APPLIES_FROM_EMPTY, NOT_STATICALLY_CHECKED));
        Set<String> ids = new HashSet<>();
        for (RuleDefinition rule : all) {
            if (!ids.add(rule.id())) {
                throw new IllegalStateException("Rule id " + rule.id() + " is registered twice");
            }
        }
        all.sort(Comparator.comparing(RuleDefinition::id));
        return List.copyOf(all);
    }

    public static List<RuleDefinition> all() {
        return ALL;
    }

    public static Optional<RuleDefinition> byId(String id) {
        String wanted = id.strip().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.id().equals(wanted)).findFirst();
    }

    static List<StatementRule> statementRules() {
        return STATEMENT_RULES;
    }

    static List<MigrationFileRule> fileRules() {
        return FILE_RULES;
    }

    static List<StatementRule> fixtureStatementRules() {
        return FIXTURE_STATEMENT_RULES;
    }

    static List<MigrationFileRule> fixtureFileRules() {
        return FIXTURE_FILE_RULES;
    }

    /** Ids of {@code ids} that name no rule, so a typo in {@code <disabledRules>} is reported, not ignored. */
    public static List<String> unknown(Stream<String> ids) {
        return ids.map(String::strip).filter(id -> !id.isEmpty() && byId(id).isEmpty()).toList();
    }
}
