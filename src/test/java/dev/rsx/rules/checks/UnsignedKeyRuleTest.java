package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnsignedKeyRuleTest {

    @Test
    void reportsAnUnsignedKeyColumnWhateverItsSpellingAndComments() {
        var finding = only("RSX103", check("001_create_users_table.sql", USERS, "002_add_buyer_id_to_users.sql",
                "ALTER TABLE users\n    MODIFY `Buyer_ID` int(10) /* legacy */ unsigned NULL;\n"));

        assertEquals(2, finding.markedLine());
        assertEquals("users.Buyer_ID is INT UNSIGNED.", finding.message());
    }

    @Test
    void otherUnsignedColumnsAreFine() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS, "002_add_counters_to_users.sql",
                "ALTER TABLE users ADD COLUMN logins INT UNSIGNED NOT NULL DEFAULT 0, ADD COLUMN paid BIGINT UNSIGNED NULL;\n")));
    }
}
