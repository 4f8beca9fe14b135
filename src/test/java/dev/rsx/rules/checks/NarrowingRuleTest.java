package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NarrowingRuleTest {

    private static final String PRODUCTS = "CREATE TABLE products (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " code VARCHAR(255) NOT NULL, price DECIMAL(10,2) NOT NULL, stock BIGINT NOT NULL, body TEXT);\n";

    @Test
    void wideningAndWhatNormalizationWidensAgainAreFine() {
        assertEquals(List.of(), ids(check("001_create_products_table.sql", PRODUCTS, "002_widen_products_columns.sql", """
                ALTER TABLE products MODIFY code VARCHAR(500) NOT NULL, MODIFY price DECIMAL(14,4) NOT NULL;
                ALTER TABLE products MODIFY stock INT NOT NULL;
                ALTER TABLE products MODIFY body LONGTEXT;
                """)));
    }

    @Test
    void reportsEachNarrowedColumnWithWhatItCanLose() {
        var findings = check("001_create_products_table.sql", PRODUCTS, "002_shrink_products_columns.sql", """
                ALTER TABLE products
                    MODIFY code VARCHAR(20) NOT NULL,
                    MODIFY price DECIMAL(8,2) NOT NULL;
                ALTER TABLE products CHANGE body summary VARCHAR(1000); -- rsx:allow RSX507 nothing reads body yet
                """);

        assertEquals(List.of("RSX506 002_shrink_products_columns.sql:2", "RSX506 002_shrink_products_columns.sql:3",
                "RSX506 002_shrink_products_columns.sql:4", "RSX507 002_shrink_products_columns.sql:4 (waived)"), ids(findings));
        assertEquals("products.code: varchar(255) holds longer strings than varchar(20).", findings.get(0).message());
        assertEquals("products.price: decimal(10,2) holds more digits than decimal(8,2).", findings.get(1).message());
        assertEquals("products.body: longtext holds longer text than varchar(1000).", findings.get(2).message());
    }
}
