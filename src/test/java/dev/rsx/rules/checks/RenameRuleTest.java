package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenameRuleTest {

    @Test
    void reportsEveryRenamedTableAndColumn() {
        var findings = check("001_create_users_table.sql", USERS, "002_rename_users_things.sql", """
                ALTER TABLE users RENAME COLUMN `note` TO remark;
                ALTER TABLE users CHANGE COLUMN email e_mail VARCHAR(255) NOT NULL;
                ALTER TABLE users RENAME TO accounts;
                RENAME TABLE accounts TO members, orders TO purchases;
                """);

        assertEquals(List.of("RSX507 002_rename_users_things.sql:1", "RSX507 002_rename_users_things.sql:2",
                "RSX507 002_rename_users_things.sql:3", "RSX507 002_rename_users_things.sql:4",
                "RSX507 002_rename_users_things.sql:4"), ids(findings));
        assertEquals(List.of("Renames column users.note to remark.", "Renames column users.email to e_mail.",
                "Renames table users to accounts.", "Renames table accounts to members.",
                "Renames table orders to purchases."), findings.stream().map(f -> f.message()).toList());
    }

    @Test
    void changeKeepingTheNameIsNotARename() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS, "002_widen_note_in_users.sql",
                "ALTER TABLE users CHANGE note NOTE VARCHAR(500) NULL;\n")));
    }
}
