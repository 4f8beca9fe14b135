package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rsx.rules.RulePolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForbiddenStatementRuleTest {

    @Test
    void recognisesEachKindByItsKeywordsInAnyCaseAfterComments() {
        var findings = check("001_configure_server_settings.sql", """
                # switch first
                use shop;
                /* accounts */ Create User 'app'@'%';
                revoke all privileges on shop.* from 'app'@'%';
                Set Global max_connections = 500;
                set @@persist.innodb_lock_wait_timeout = 120;
                SET PERSIST_ONLY max_connections = 600;
                Lock Tables users Write;
                unlock tables;
                drop schema old_shop;
                """);

        assertEquals(List.of("RSX302 001_configure_server_settings.sql:2", "RSX303 001_configure_server_settings.sql:3",
                "RSX303 001_configure_server_settings.sql:4", "RSX307 001_configure_server_settings.sql:5",
                "RSX307 001_configure_server_settings.sql:6", "RSX307 001_configure_server_settings.sql:7",
                "RSX306 001_configure_server_settings.sql:8", "RSX306 001_configure_server_settings.sql:9",
                "RSX301 001_configure_server_settings.sql:10"), ids(findings));
        assertEquals("The statement switches the connection to another database: USE is not allowed in a migration.",
                findings.get(0).message());
    }

    @Test
    void sessionVariablesAndLookalikeNamesAreFine() {
        assertEquals(List.of(), ids(check("001_create_grants_table.sql", """
                SET SESSION sql_mode = 'STRICT_ALL_TABLES';
                SET @global = 1, @persist = 2;
                CREATE TABLE grants (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `use` VARCHAR(20), note VARCHAR(255));
                INSERT INTO grants (`use`, note) VALUES ('GRANT', 'LOCK TABLES is not used; DELIMITER neither');
                """)));
    }

    @Test
    void aDisabledRuleReportsNothing() {
        assertEquals(List.of(), ids(check(new RulePolicy(Set.of("rsx302"), false, false), "001_switch_database.sql",
                "USE shop;\n")));
    }
}
