package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdColumnChangeRuleTest {

    @Test
    void redefiningIdTheSameWayIsNotAChange() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS, "002_widen_id_in_users.sql",
                "ALTER TABLE users MODIFY id BIGINT NOT NULL AUTO_INCREMENT;\n"
                        + "ALTER TABLE `users` CHANGE `id` `id` INT NOT NULL AUTO_INCREMENT;\n")));
    }

    @Test
    void losingAutoIncrementIsReportedOnTheIdToken() {
        var finding = only("RSX102", check("001_create_users_table.sql", USERS, "002_change_id_in_users.sql",
                "ALTER TABLE users\n    CHANGE COLUMN id id BIGINT NOT NULL;\n"));

        assertEquals(2, finding.markedLine());
        assertEquals("Table users: redefines id: id is not AUTO_INCREMENT.", finding.message());
    }

    @Test
    void aPrimaryKeyOtherThanIdAloneIsRefused() {
        var findings = check("001_create_users_table.sql", USERS, "002_add_primary_key_to_users.sql",
                "alter table users drop primary key, add primary key (id, email);\n");

        assertEquals(List.of("RSX102 002_add_primary_key_to_users.sql:1", "RSX102 002_add_primary_key_to_users.sql:1"),
                ids(findings));
        assertEquals("Table users: drops the primary key.", findings.get(0).message());
        assertEquals("Table users: adds a primary key on (id, email).", findings.get(1).message());
    }
}
