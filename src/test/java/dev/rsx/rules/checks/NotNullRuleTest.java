package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotNullRuleTest {

    @Test
    void reportsANullableColumnMadeNotNullAtTheColumn() {
        var finding = only("RSX505", check("001_create_users_table.sql", USERS, "002_require_note_in_users.sql",
                "ALTER TABLE users\n    ADD COLUMN age BIGINT NULL,\n    CHANGE `note` `note` VARCHAR(255) NOT NULL DEFAULT '';\n"));

        assertEquals(3, finding.markedLine());
        assertTrue(finding.message().startsWith("users.note accepts NULL and becomes NOT NULL"), finding.message());
    }

    @Test
    void newColumnsColumnsAlreadyNotNullAndUnknownTablesAreFine() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS, "002_change_users_columns.sql", """
                ALTER TABLE users ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'new';
                ALTER TABLE users MODIFY email VARCHAR(320) NOT NULL;
                ALTER TABLE accounts MODIFY note VARCHAR(255) NOT NULL;
                """)));
    }
}
