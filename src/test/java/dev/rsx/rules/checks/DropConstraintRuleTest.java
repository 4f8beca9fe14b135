package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DropConstraintRuleTest {

    private static final String ORDERS = "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " user_id BIGINT NULL, status VARCHAR(20), KEY idx_status (status),"
            + " CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id),"
            + " CONSTRAINT chk_status CHECK (status <> ''));\n";

    @Test
    void reportsDroppedForeignKeysAndConstraints() {
        var findings = check("001_create_users_table.sql", USERS + ORDERS, "002_drop_orders_constraints.sql", """
                ALTER TABLE orders DROP FOREIGN KEY `orders_user_fk`;
                ALTER TABLE orders DROP CHECK chk_status;
                ALTER TABLE orders DROP CONSTRAINT chk_other;
                """);

        assertEquals(List.of("RSX508 002_drop_orders_constraints.sql:1", "RSX508 002_drop_orders_constraints.sql:2",
                "RSX508 002_drop_orders_constraints.sql:3"), ids(findings));
        assertEquals(List.of("Drops foreign key orders_user_fk of orders.", "Drops constraint chk_status of orders.",
                "Drops constraint chk_other of orders."), findings.stream().map(f -> f.message()).toList());
    }

    @Test
    void droppingAPlainIndexIsNotReported() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS + ORDERS, "002_drop_status_index.sql",
                "ALTER TABLE orders DROP INDEX idx_status;\nDROP INDEX idx_status ON orders;\nALTER TABLE orders DROP KEY `idx_x`;\n")));
    }
}
