package dev.rsx.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.EnvironmentException;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EarlyConnectionTest {

    @OnEveryTarget
    void theFirstOpenTakesTheConnectionOpenedAheadAndTheNextOpensItsOwn(String target) throws Exception {
        asOwnUser(target, (db, user, settings) -> {
            try (EarlyConnection early = EarlyConnection.open(settings)) {
                awaitConnections(db, user, 1);

                try (Connection first = DatabaseConnector.open(settings)) {
                    assertEquals(1, connectionsOf(db, user), "the open took the connection opened ahead");
                    try (Connection second = DatabaseConnector.open(settings)) {
                        assertEquals(2, connectionsOf(db, user));
                        assertNotEquals(connectionId(first), connectionId(second));
                    }
                }
            }
            awaitConnections(db, user, 0);
        });
    }

    @OnEveryTarget
    void aConnectionNothingTookIsClosedWithTheGoal(String target) throws Exception {
        asOwnUser(target, (db, user, settings) -> {
            EarlyConnection opened = EarlyConnection.open(settings);
            awaitConnections(db, user, 1);

            opened.close();

            awaitConnections(db, user, 0);
        });
    }

    @OnEveryTarget
    void aGoalThatEndsBeforeTheConnectionIsOpenClosesItOnceItIs(String target) throws Exception {
        asOwnUser(target, (db, user, settings) -> {
            EarlyConnection.open(settings).close();

            joinOpeners();
            awaitConnections(db, user, 0);
        });
    }

    @OnEveryTarget
    void aSecondGoalOpeningAheadWithTheSameSettingsLeavesOneConnection(String target) throws Exception {
        asOwnUser(target, (db, user, settings) -> {
            try (EarlyConnection first = EarlyConnection.open(settings);
                    EarlyConnection second = EarlyConnection.open(settings)) {
                joinOpeners();
                awaitConnections(db, user, 1);

                try (Connection taken = DatabaseConnector.open(settings)) {
                    assertEquals(1, connectionsOf(db, user), "the open took the one connection left");
                }
            }
            awaitConnections(db, user, 0);
        });
    }

    @Test
    void aFailureSurfacesWhereTheConnectionIsNeededWithTheUsualExplanation() {
        ConnectionSettings unreachable = TestDatabases.unreachable();
        try (EarlyConnection early = EarlyConnection.open(unreachable)) {
            EnvironmentException e = assertThrows(EnvironmentException.class, () -> DatabaseConnector.open(unreachable));

            assertTrue(e.getMessage().startsWith("Cannot reach the database server at " + unreachable.url().hostAndPort()),
                    e.getMessage());
        }
    }

    @Test
    void aConnectionOpenBeforeTheGoalAsksForItCarriesTheFirstRead() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            AtomicInteger reads = new AtomicInteger();
            CountDownLatch read = new CountDownLatch(1);
            try (EarlyConnection early = EarlyConnection.open(db.settings(), connection -> {
                reads.incrementAndGet();
                read.countDown();
            })) {
                assertTrue(read.await(10, TimeUnit.SECONDS), "the first read ran while nobody asked");
                try (Connection taken = DatabaseConnector.open(db.settings())) {
                    assertTrue(taken.isValid(1));
                    assertEquals(1, reads.get());
                }
            }
        }
    }

    @Test
    void aGoalThatAlreadyWaitsGetsTheConnectionWithoutTheFirstRead() throws Exception {
        try (TestDb db = TestDatabases.fresh("embedded")) {
            ConnectionSettings settings = db.settings();
            CountDownLatch connect = new CountDownLatch(1);
            AtomicInteger reads = new AtomicInteger();
            try (EarlyConnection early = EarlyConnection.open(settings, () -> {
                try {
                    connect.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return DatabaseConnector.connect(settings);
            }, connection -> reads.incrementAndGet())) {
                CompletableFuture<Connection> taken = CompletableFuture.supplyAsync(() -> DatabaseConnector.open(settings));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!early.asked() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertTrue(early.asked(), "the goal asked before the connection was open");
                connect.countDown();
                try (Connection connection = taken.get(10, TimeUnit.SECONDS)) {
                    assertTrue(connection.isValid(1));
                }
                assertEquals(0, reads.get(), "a goal that waits is not kept waiting for the first read");
            }
        }
    }

    private interface UserTest {
        void run(TestDb db, String user, ConnectionSettings settings) throws Exception;
    }

    /** Runs {@code test} as a user of its own, so that its connections can be counted on a shared server. */
    private static void asOwnUser(String target, UserTest test) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            String user = "rsx_early_" + Math.floorMod(db.settings().database().hashCode(), 10000);
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'early-pw'");
            try {
                db.execute("GRANT ALL ON `" + db.settings().database() + "`.* TO '" + user + "'@'%'");
                test.run(db, user, new ConnectionSettings(db.settings().url(), user, "early-pw"));
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    private static void joinOpeners() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("rsx-early-connection")) {
                thread.join(10_000);
            }
        }
    }

    private static int connectionsOf(TestDb db, String user) {
        return Integer.parseInt(db.column("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'")
                .get(0));
    }

    /** The opening and closing happen on another thread: wait for them, up to ten seconds. */
    private static void awaitConnections(TestDb db, String user, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int connections;
        while ((connections = connectionsOf(db, user)) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, connections);
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
