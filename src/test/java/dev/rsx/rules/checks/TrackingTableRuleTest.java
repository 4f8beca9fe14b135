package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingTableRuleTest {

    @Test
    void reportsTheQuotedNameWhereverItStands() {
        var finding = only("RSX304", check("001_clear_changelog_lock.sql",
                "DELETE FROM shop.`databasechangeloglock`\nWHERE ID = 1;\n"));

        assertEquals(1, finding.markedLine());
        assertEquals("The statement names the tracking table databasechangeloglock.", finding.message());
    }

    @Test
    void aStringOrCommentMentioningItIsFine() {
        assertEquals(List.of(), ids(check("001_create_notes_table.sql", """
                -- not DATABASECHANGELOG: our own notes
                CREATE TABLE notes (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, body VARCHAR(255));
                INSERT INTO notes (body) VALUES ('see DATABASECHANGELOG');
                """)));
    }
}
