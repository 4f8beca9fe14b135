package dev.rsx.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.LiquibaseScope;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.report.ConsoleReport;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticCheckTest {

    private static CheckResult check(MigrationsDir dir) {
        MigrationChangeLog changeLog = dir.load();
        return LiquibaseScope.run(EngineLog.silent(), () -> new StaticCheck(RulePolicy.development())
                .run(changeLog, changeLog.changeSets(), KnownSchema.empty()));
    }

    private static List<String> ids(CheckResult result) {
        return result.findings().stream().map(f -> f.rule().id() + "@" + f.file() + ":" + f.markedLine()).toList();
    }

    @Test
    void reportsEveryViolationWithItsLine() {
        MigrationsDir dir = MigrationsDir.create("static-check")
                .write("001_create_users_table.sql", "CREATE TABLE users (\n    id INT UNSIGNED NOT NULL AUTO_INCREMENT,\n"
                        + "    name VARCHAR(255),\n    PRIMARY KEY (id)\n);\n")
                .write("002_create_orders_table.sql", "-- orders\nCREATE TABLE orders (\n    order_no VARCHAR(20) PRIMARY KEY,\n"
                        + "    user_id INT\n);\nUSE other;\nDROP TABLE users;\n");
        CheckResult result = check(dir);
        CapturingLog log = new CapturingLog();
        assertEquals("3 errors, 1 warning in 2 files", ConsoleReport.log(result, RulePolicy.development(), log));
        assertTrue(log.lines().contains("ERROR   > 2 |     id INT UNSIGNED NOT NULL AUTO_INCREMENT,"), log.text());
        assertEquals(List.of("RSX103@001_create_users_table.sql:2", "RSX101@002_create_orders_table.sql:2",
                "RSX302@002_create_orders_table.sql:6", "RSX501@002_create_orders_table.sql:7"), ids(result));
        assertTrue(result.notChecked().isEmpty());
    }
}
