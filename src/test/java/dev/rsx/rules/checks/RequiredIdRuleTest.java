package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.ids;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredIdRuleTest {

    @Test
    void acceptsQuotedLowerCaseIdWithTableLevelPrimaryKeyAndComments() {
        assertEquals(List.of(), ids(check("001_create_tags_table.sql", """
                create table `tags` (
                    `ID` bigint /* signed on purpose */ not null auto_increment, # the id
                    `name` varchar(100) not null,
                    primary key (`ID`)
                );
                """)));
    }

    @Test
    void acceptsIntBecauseNormalizationWidensIt() {
        assertEquals(List.of(), ids(check("001_create_tags_table.sql",
                "CREATE TABLE tags (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100));\n")));
    }

    @Test
    void namesEveryProblemOfTheIdColumnInOneFinding() {
        var finding = only("RSX101", check("001_create_tags_table.sql",
                "CREATE TABLE tags (\n    name VARCHAR(100),\n    id VARCHAR(36) NULL\n);\n"));

        assertEquals(3, finding.markedLine());
        assertEquals("tags", finding.table());
        assertEquals("Table tags: id is VARCHAR, not BIGINT; id is declared NULL; id is not AUTO_INCREMENT;"
                + " id is not the primary key (the table has none).", finding.message());
    }

    @Test
    void ignoresTemporaryTablesAndLikeOfAnUnknownTable() {
        assertEquals(List.of(), ids(check("001_create_scratch_tables.sql", """
                CREATE TEMPORARY TABLE tmp_counts (product_id BIGINT NOT NULL, n BIGINT NOT NULL);
                CREATE TABLE orders_copy LIKE orders;
                """)));
    }

    @Test
    void createTableLikeInheritsTheProblemsOfTheCopiedTable() {
        var findings = check("001_create_codes_table.sql", "CREATE TABLE codes (code CHAR(3) PRIMARY KEY);\n",
                "002_create_codes_copy_table.sql", "-- a copy\nCREATE TABLE codes_copy LIKE codes;\n");

        assertEquals(List.of("RSX101 001_create_codes_table.sql:1", "RSX101 002_create_codes_copy_table.sql:2"), ids(findings));
        assertEquals("Table codes_copy: it copies codes, which has no id column.", findings.get(1).message());
    }
}
