package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;

class LiquibaseVersionTest {

    /** The version recorded in tracking rows and cache keys is the one Liquibase reports of itself. */
    @Test
    void isTheVersionLiquibaseReports() {
        assertEquals(LiquibaseUtil.getBuildVersion(), LiquibaseVersion.VALUE);
        assertEquals("4.33", LiquibaseVersion.VALUE.substring(0, 4));
    }
}
