package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DropColumnRuleTest {

    @Test
    void reportsTheDroppedColumnWithOrWithoutTheColumnKeyword() {
        var findings = check("001_create_users_table.sql", USERS, "002_drop_note_and_email_from_users.sql",
                "ALTER TABLE users\n    DROP `note`,\n    DROP COLUMN Email;\n");

        assertEquals(List.of("RSX502 002_drop_note_and_email_from_users.sql:2",
                "RSX502 002_drop_note_and_email_from_users.sql:3"), ids(findings));
        assertEquals("Drops column users.note and its value in every row.", findings.get(0).message());
    }

    @Test
    void droppingAnIndexOrKeyIsNotDroppingAColumn() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS + "CREATE INDEX idx_note ON users (note);\n",
                "002_drop_note_index_from_users.sql", "ALTER TABLE users DROP INDEX idx_note;\n")));
    }

    @Test
    void allowNamesTheOneRuleItWaives() {
        var findings = check("001_create_users_table.sql", USERS, "002_drop_id_from_users.sql",
                "-- rsx:allow RSX502 ids move to accounts\nALTER TABLE users DROP COLUMN id;\n");

        assertEquals(List.of("RSX102 002_drop_id_from_users.sql:2", "RSX502 002_drop_id_from_users.sql:2 (waived)"),
                ids(findings));
    }

    @Test
    void allowDestructiveAcknowledgesTheDestructiveRulesOnly() {
        var findings = check("001_create_users_table.sql", USERS, "002_drop_id_from_users.sql",
                "ALTER TABLE users DROP COLUMN id; # rsx:allow-destructive ids move to accounts\n");

        assertEquals(List.of("RSX102 002_drop_id_from_users.sql:1", "RSX502 002_drop_id_from_users.sql:1 (waived)"),
                ids(findings));
        assertEquals(null, only("RSX102", findings).waiver());
    }
}
