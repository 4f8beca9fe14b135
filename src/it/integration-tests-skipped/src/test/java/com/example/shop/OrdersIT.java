package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a user's integration test looks like: the database comes from rsx:start, the data from rsx:fixtures. */
class OrdersIT {

    private static Connection open() throws SQLException {
        return DriverManager.getConnection(System.getProperty("rsx.jdbc.url"), System.getProperty("rsx.jdbc.username"),
                System.getProperty("rsx.jdbc.password"));
    }

    /** Every test starts from the fixture data, whatever the test before it changed. */
    @BeforeEach
    void resetToFixtures() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("CALL rsx_restore_fixtures()");
        }
    }

    @Test
    void migratedTablesHoldTheFixtureRows() throws SQLException {
        assertEquals(2, count("SELECT COUNT(*) FROM customers"));
        assertEquals(3, count("SELECT COUNT(*) FROM orders"));
        assertEquals(2, count("SELECT COUNT(*) FROM orders WHERE customer_id = 1"));
        // rsx:migrate normalized the schema: the audit columns are there.
        assertEquals(1, count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'orders' AND column_name = 'created_at'"));
    }

    @Test
    void aTestMayChangeAnything() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM orders");
            s.executeUpdate("DELETE FROM customers WHERE id = 2");
            s.executeUpdate("INSERT INTO customers (email, name) VALUES ('alan@example.com', 'Alan Turing')");
        }
        assertEquals(0, count("SELECT COUNT(*) FROM orders"));
        assertEquals(2, count("SELECT COUNT(*) FROM customers"));
    }

    @Test
    void theResetPutsRowsAndCountersBack() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE customers SET name = 'changed'");
            s.executeUpdate("INSERT INTO customers (email, name) VALUES ('x@example.com', 'X')");
            s.execute("CALL rsx_restore_fixtures()");
            s.executeUpdate("INSERT INTO customers (email, name) VALUES ('new@example.com', 'New')");
        }
        assertEquals(1, count("SELECT COUNT(*) FROM customers WHERE name = 'Ada Lovelace'"));
        // The counter is back where the fixtures left it, so the next id is 3 again.
        assertEquals(3, count("SELECT id FROM customers WHERE email = 'new@example.com'"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
