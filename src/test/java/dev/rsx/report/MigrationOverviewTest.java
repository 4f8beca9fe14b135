package dev.rsx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrationEngine;
import dev.rsx.server.DatabaseTarget;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationOverviewTest {

    private static final String USERS = "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);";
    private static final String ORDERS = "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);";

    private final CapturingLog log = new CapturingLog();

    @Test
    void listsAppliedAndPendingMigrationsAsRsxStatusDoes() {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            MigrationsDir dir = MigrationsDir.create("overview-states").write("001_create_users_table.sql", USERS);
            new MigrationEngine(log).migrate(db.settings(), dir.load(), new MigrateOptions(null));
            dir.write("002_create_orders_table.sql", ORDERS);

            MigrationOverview overview = MigrationOverview.read(dir.path(), new DatabaseTarget.External(db.settings()), log);

            assertEquals(db.settings().url().masked(), overview.database());
            assertNull(overview.unreachable());
            assertEquals(List.of("001 create_users_table 001_create_users_table.sql applied",
                    "002 create_orders_table 002_create_orders_table.sql pending"), overview.rows().stream()
                    .map(r -> r.version() + " " + r.description() + " " + r.fileName() + " " + r.state()).toList());
            assertNotNull(overview.rows().get(0).appliedAt());
            assertNull(overview.rows().get(1).appliedAt());
            assertEquals("2 migrations: 1 applied, 1 pending; current version 001.", overview.summary());
        }
    }

    @Test
    void anUnreachableDatabaseLeavesTheStatesUnknownAndSaysWhy() {
        ConnectionSettings nowhere = TestDatabases.unreachable();
        ConnectionSettings withPassword = new ConnectionSettings(JdbcUrl.parse(nowhere.url().url() + "?password=s3cret"),
                "app", "s3cret");
        MigrationsDir dir = MigrationsDir.create("overview-unreachable")
                .write("001_create_users_table.sql", USERS).write("002_create_orders_table.sql", ORDERS);

        MigrationOverview overview = MigrationOverview.read(dir.path(), new DatabaseTarget.External(withPassword), log);

        assertEquals(List.of("001 001_create_users_table.sql unknown", "002 002_create_orders_table.sql unknown"),
                overview.rows().stream().map(r -> r.version() + " " + r.fileName() + " " + r.state()).toList());
        assertTrue(overview.rows().stream().allMatch(r -> r.appliedAt() == null));
        assertEquals("2 migration files, state unknown.", overview.summary());
        String expectedStart = "The database jdbc:mysql://127.0.0.1:" + nowhere.url().port() + "/x?password=*** could not be"
                + " reached, so the state of every migration is unknown: Cannot reach the database server at 127.0.0.1:"
                + nowhere.url().port();
        assertTrue(overview.unreachable().startsWith(expectedStart), overview.unreachable());
        assertFalse(overview.unreachable().contains("s3cret"), overview.unreachable());
        assertEquals(List.of("WARN " + overview.unreachable()), log.lines());
    }
}
