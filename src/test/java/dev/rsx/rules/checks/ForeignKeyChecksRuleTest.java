package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyChecksRuleTest {

    @Test
    void restoredInTheSameFileIsFine() {
        assertEquals(List.of(), ids(check("001_load_categories_data.sql", """
                SET FOREIGN_KEY_CHECKS = 0;
                SET foreign_key_checks = ON;
                set session foreign_key_checks=0;
                SET @@SESSION.foreign_key_checks = 1;
                SET @OLD_FOREIGN_KEY_CHECKS = @@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS = 0;
                SET FOREIGN_KEY_CHECKS = @OLD_FOREIGN_KEY_CHECKS;
                """)));
    }

    @Test
    void everySpellingOfTurningThemOffCounts() {
        assertEquals(List.of("RSX308 001_load_users_data.sql:1"), ids(check("001_load_users_data.sql",
                "SET @@foreign_key_checks = 0;\n")));
        assertEquals(List.of("RSX308 001_load_users_data.sql:2"), ids(check("001_load_users_data.sql",
                "SET FOREIGN_KEY_CHECKS = 1;\nSET @OLD_FOREIGN_KEY_CHECKS = @@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS = 'OFF';\n")));
    }

    @Test
    void restoringInALaterFileIsTooLate() {
        var findings = check("001_load_users_data.sql", "SET FOREIGN_KEY_CHECKS = 0;\n",
                "002_restore_foreign_key_checks.sql", "SET FOREIGN_KEY_CHECKS = 1;\n");

        assertEquals(List.of("RSX308 001_load_users_data.sql:1"), ids(findings));
        assertEquals("FOREIGN_KEY_CHECKS is turned off here and not turned back on later in 001_load_users_data.sql.",
                findings.get(0).message());
    }
}
