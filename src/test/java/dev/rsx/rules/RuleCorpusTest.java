package dev.rsx.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.LiquibaseScope;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.sql.MigrationStatement;
import dev.rsx.testing.MigrationsDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules against a corpus of migrations under {@code src/test/resources/rules/corpus}. {@code good/} is one
 * migrations directory of everyday and less common MySQL DDL that must pass: its only findings are the RSX901 of
 * the trigger and procedure bodies the parser cannot read, and the findings its waiver comments accept.
 * {@code bad/<case>/} are migrations directories of one violation each, with {@code expected.txt} listing exactly
 * the findings the check must report, one per line: {@code RSXnnn <file> <marked line>}, followed by
 * {@code waived} when a waiver comment accepts it.
 */
class RuleCorpusTest {

    private static final Path CORPUS = corpus();

    @Test
    void goodMigrationsHaveNoFindings() {
        CheckResult result = check(CORPUS.resolve("good"));

        assertEquals(List.of(
                "RSX502 20250301091100_replace_total_in_orders.sql 3 waived",
                "RSX507 20250301091100_replace_total_in_orders.sql 5 waived",
                "RSX901 20250301091700_create_orders_touch_trigger.sql 4"), describe(result));
        assertEquals(List.of("20250301091700_create_orders_touch_trigger.sql:4"),
                result.notChecked().stream().map(MigrationStatement::location).toList());
        assertEquals(0, result.errors(RulePolicy.development()));
        assertEquals(1, result.warnings(RulePolicy.development()), "only the trigger's RSX901");
        assertEquals(26, result.files());
        assertTrue(result.statements() > 60, "every statement was read: " + result.statements());
    }

    @Test
    void goodMigrationsPassInProductionModeWithTheirWaivers() {
        CheckResult result = check(CORPUS.resolve("good"));

        assertEquals(List.of(), result.blocking(new RulePolicy(Set.of(), true, false)));
    }

    @Test
    void aSemicolonInAHashCommentIsExplainedWhereLiquibaseCutTheStatement() {
        Finding finding = check(CORPUS.resolve("bad/rsx901_hash_comment_with_semicolon")).findings().get(0);

        assertEquals("Not statically checked: the SQL parser cannot read it (Liquibase ended the statement before at"
                + " the ';' in the comment '# users', as its splitter does not know # comments, so the server receives"
                + " the rest of that comment as SQL; remove the ';' from the comment or start it with '-- '). It is"
                + " checked against the live schema after it runs.", finding.message());
    }

    @TestFactory
    Stream<DynamicTest> everyBadCaseReportsExactlyItsFindings() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(CORPUS.resolve("bad"))) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            List<String> expected = Files.readAllLines(dir.resolve("expected.txt")).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
            assertFalse(expected.isEmpty(), "a bad case expects at least one finding");
            assertEquals(expected, describe(check(dir)));
        }));
    }

    /** Checks the .sql files of {@code source} as one migrations directory, from an empty schema. */
    private static CheckResult check(Path source) {
        MigrationsDir dir = MigrationsDir.create("corpus-" + source.getFileName());
        try (Stream<Path> files = Files.list(source)) {
            files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .forEach(f -> dir.writeUnrecorded(f.getFileName().toString(), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MigrationChangeLog changeLog = dir.load();
        return LiquibaseScope.run(EngineLog.silent(), () -> new StaticCheck(RulePolicy.development())
                .run(changeLog, changeLog.changeSets(), KnownSchema.empty()));
    }

    private static List<String> describe(CheckResult result) {
        return result.findings().stream()
                .map(f -> f.rule().id() + " " + f.file() + " " + f.markedLine() + (f.waived() ? " waived" : ""))
                .sorted().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path corpus() {
        try {
            return Path.of(RuleCorpusTest.class.getResource("/rules/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
