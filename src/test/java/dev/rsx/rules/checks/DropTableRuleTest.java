package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.rules.RulePolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DropTableRuleTest {

    @Test
    void namesEveryDroppedTableQuotedOrNot() {
        var finding = only("RSX501", check("001_create_users_table.sql", USERS, "002_drop_legacy_tables.sql",
                "drop table if exists `legacy_orders`, Legacy_Items;\n"));

        assertEquals(1, finding.markedLine());
        assertEquals("Drops tables legacy_orders, Legacy_Items with every row in them.", finding.message());
        assertFalse(finding.waived());
    }

    @Test
    void temporaryTablesAreNotData() {
        assertEquals(List.of(), ids(check("001_drop_scratch_table.sql", "DROP TEMPORARY TABLE IF EXISTS tmp_counts;\n")));
    }

    @Test
    void aWaiverOnTheLineAboveOrAtTheStatementsEndAcknowledgesIt() {
        var findings = check("002_drop_legacy_tables.sql", """
                -- rsx:allow-destructive archived to S3 on 2025-11-20
                DROP TABLE legacy_orders;
                DROP TABLE
                    legacy_items; -- rsx:allow RSX501 replaced by order_items in release 4.2
                DROP TABLE legacy_notes;
                """);

        assertEquals(List.of("RSX501 002_drop_legacy_tables.sql:2 (waived)", "RSX501 002_drop_legacy_tables.sql:3 (waived)",
                "RSX501 002_drop_legacy_tables.sql:5"), ids(findings));
        assertEquals("rsx:allow-destructive archived to S3 on 2025-11-20", findings.get(0).waiver().comment());
        assertEquals(1, findings.get(0).waiver().line());
        assertEquals(4, findings.get(1).waiver().line());
    }

    @Test
    void aWaiverForAnotherRuleOrWithoutAReasonDoesNotAcknowledgeIt() {
        var findings = check("002_drop_legacy_tables.sql", """
                -- rsx:allow RSX502 the columns go with the table
                DROP TABLE legacy_orders;
                -- rsx:allow RSX501
                DROP TABLE legacy_items;
                """);

        assertEquals(List.of("RSX501 002_drop_legacy_tables.sql:2", "RSX501 002_drop_legacy_tables.sql:4"), ids(findings));
        assertEquals(null, findings.get(0).waiver());
        assertTrue(findings.get(1).waiver() != null && !findings.get(1).waived(), "found, but counts for nothing");
        assertTrue(new RulePolicy(Set.of(), true, false).blocks(findings.get(1)));
    }

    @Test
    void aDisabledRuleReportsNothing() {
        assertEquals(List.of(), ids(check(new RulePolicy(Set.of("RSX501"), false, false), "002_drop_legacy_tables.sql",
                "DROP TABLE legacy_orders;\n")));
    }
}
