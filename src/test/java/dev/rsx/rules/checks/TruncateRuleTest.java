package dev.rsx.rules.checks;

import static dev.rsx.rules.checks.RuleFixture.check;
import static dev.rsx.rules.checks.RuleFixture.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TruncateRuleTest {

    @Test
    void reportsTruncateWithOrWithoutTable() {
        assertEquals("Deletes every row of search_cache.", only("RSX503", check("001_clear_search_cache.sql",
                "truncate `search_cache`;\n")).message());
        assertEquals(2, only("RSX503", check("001_clear_search_cache.sql",
                "/* rebuilt on start-up */\nTRUNCATE TABLE search_cache;\n")).markedLine());
    }
}
