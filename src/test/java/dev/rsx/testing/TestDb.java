package dev.rsx.testing;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.schema.SchemaInventory;
import dev.rsx.snapshot.LogicalSnapshot;
import dev.rsx.snapshot.Snapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A database of one test, with small helpers to look at it. Dropped on close. */
public record TestDb(String target, ConnectionSettings settings) implements AutoCloseable {

    public Connection connect() {
        return DatabaseConnector.open(settings);
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row of {@code sql}, as strings. */
    public List<String> column(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public SchemaInventory schema() {
        try (Connection c = connect()) {
            return SchemaInventory.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the schema: " + e.getMessage(), e);
        }
    }

    public List<String> tables() {
        return column("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name");
    }

    /** Drops the database and the logical snapshots taken of it, which live in schemas of their own. */
    @Override
    public void close() {
        LogicalSnapshot snapshots = new LogicalSnapshot(settings);
        for (Snapshot snapshot : snapshots.list()) {
            snapshots.drop(snapshot.name(), EngineLog.silent());
        }
        TestDatabases.execute(settings, "DROP DATABASE IF EXISTS `" + settings.database() + "`");
    }

    @Override
    public String toString() {
        return target;
    }
}
