package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnfilteredWriteRuleTest {

    private static final String ORDERS = "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " user_id BIGINT NULL, email VARCHAR(255) NULL);\n";

    @Test
    void aWhereClauseOrAnInnerJoinSelectsTheRows() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS + ORDERS, "002_copy_email_to_orders.sql", """
                UPDATE users SET note = '' WHERE 1 = 1;
                UPDATE orders o JOIN users u ON u.id = o.user_id SET o.email = u.email;
                UPDATE orders o INNER JOIN users u USING (id) SET o.email = u.email;
                DELETE FROM orders WHERE user_id IS NULL;
                """)));
    }

    @Test
    void withoutThemEveryRowChanges() {
        var findings = check("001_create_users_table.sql", USERS + ORDERS, "002_copy_email_to_orders.sql", """
                update `users` set note = '';
                UPDATE orders o LEFT JOIN users u ON u.id = o.user_id SET o.email = u.email;
                # keep nothing
                DELETE FROM orders;
                """);

        assertEquals(List.of("RSX504 002_copy_email_to_orders.sql:1", "RSX504 002_copy_email_to_orders.sql:2",
                "RSX504 002_copy_email_to_orders.sql:4"), ids(findings));
        assertEquals("UPDATE users without WHERE changes every row.", findings.get(0).message());
        assertEquals("DELETE FROM orders without WHERE deletes every row.", findings.get(2).message());
    }
}
