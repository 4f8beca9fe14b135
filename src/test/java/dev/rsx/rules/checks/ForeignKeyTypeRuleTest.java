package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.USERS;
import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyTypeRuleTest {

    @Test
    void matchingTypesQuotedInlineOrSelfReferencingAreFine() {
        assertEquals(List.of(), ids(check("001_create_users_table.sql", USERS, "002_create_comments_table.sql", """
                CREATE TABLE `comments` (
                    `id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    `user_id` BIGINT NOT NULL REFERENCES `users` (`id`),
                    `parent_id` BIGINT NULL,
                    CONSTRAINT fk_comments_parent FOREIGN KEY (`parent_id`) REFERENCES `comments` (`id`)
                );
                ALTER TABLE comments ADD COLUMN editor_id BIGINT NULL,
                    ADD CONSTRAINT fk_comments_editor FOREIGN KEY (editor_id) REFERENCES users (id);
                """)));
    }

    @Test
    void reportsTheMismatchAtTheReferencingColumn() {
        var findings = check("001_create_users_table.sql", USERS, "002_create_comments_table.sql", """
                CREATE TABLE comments (
                    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    author CHAR(36) NOT NULL REFERENCES `users` (`id`)
                );
                """);

        assertEquals(List.of("RSX401 002_create_comments_table.sql:3"), ids(findings));
        assertEquals("comments.author is CHAR(36) but references users.id, which is BIGINT.", findings.get(0).message());
    }

    @Test
    void aReferencedTableTheRulesDoNotKnowIsLeftToTheLiveCheck() {
        assertEquals(List.of(), ids(check("001_create_comments_table.sql",
                "CREATE TABLE comments (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id VARCHAR(36),"
                        + " FOREIGN KEY (user_id) REFERENCES users (id));\n")));
    }
}
