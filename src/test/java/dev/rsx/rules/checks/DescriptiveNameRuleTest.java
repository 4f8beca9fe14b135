package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptiveNameRuleTest {

    private static final String SQL = "CREATE TABLE tags (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n";

    @Test
    void aVagueNameIsReportedOnTheFileWithoutALine() {
        var findings = check("002_update.sql", SQL);

        assertEquals(List.of("RSX601 002_update.sql:0"), ids(findings));
        assertTrue(findings.get(0).message().startsWith("The name 'update' is vague: it does not say what the migration does"),
                findings.get(0).message());
    }

    @Test
    void aNameThatSaysWhatAndWhereIsFine() {
        assertEquals(List.of(), ids(check("20251121093000_create_tags_table.sql", SQL)));
    }

    @Test
    void aWaiverCommentDoesNotWaiveAFileFinding() {
        assertEquals(List.of("RSX601 002_fix.sql:0"), ids(check("002_fix.sql", "-- rsx:allow RSX601 legacy name\n" + SQL)));
    }
}
