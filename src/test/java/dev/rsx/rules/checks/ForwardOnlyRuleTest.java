package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardOnlyRuleTest {

    @Test
    void reportsEachRollbackBlockOnceAtItsFirstLine() {
        var findings = check("001_create_audit_tables.sql", """
                --liquibase formatted sql

                --changeset rsx:1
                CREATE TABLE audit_log (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
                --rollback DROP TABLE audit_log;

                --changeset rsx:2
                CREATE TABLE audit_archive (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
                -- ROLLBACK DROP TABLE audit_archive;
                --rollback DROP TABLE audit_log;
                """);

        assertEquals(List.of("RSX202 001_create_audit_tables.sql:5", "RSX202 001_create_audit_tables.sql:9"), ids(findings));
        assertEquals("A rollback block: -- ROLLBACK DROP TABLE audit_archive;", findings.get(1).message());
    }
}
