package dev.rsx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.snapshot.DatadirSnapshot;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;

class ManagedDatabaseTest {

    @Test
    void aDatadirRestoreKilledMidCopyIsCompletedBeforeTheEmbeddedServerStarts() throws Exception {
        Path dataDir = TestDatabases.work().resolve("managed-" + System.nanoTime()).resolve("mariadb");
        DatabaseTarget.Embedded target = new DatabaseTarget.Embedded(TestDatabases.binariesRoot(), dataDir, "shop");
        try (ManagedDatabase database = ManagedDatabase.open(target, EngineLog.silent())) {
            execute(database, "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY)", "INSERT INTO orders VALUES (1)");
            new DatadirSnapshot(dataDir, DatadirSnapshot.snapshotsDirFor(dataDir), "shop",
                    database.embeddedServer().orElseThrow().serverControl()).create("before", EngineLog.silent());
            execute(database, "INSERT INTO orders VALUES (2)");
        }
        // The state a kill leaves mid-restore: marker says RESTORING, the live directory moved aside, the copy not done.
        Path marker = DatadirSnapshot.snapshotsDirFor(dataDir).resolve("before").resolve("snapshot.properties");
        Files.writeString(marker, Files.readString(marker).replace("state=READY", "state=RESTORING"));
        Files.move(dataDir, dataDir.resolveSibling(dataDir.getFileName() + ".restoring"));
        Files.createDirectories(dataDir);
        CapturingLog log = new CapturingLog();

        try (ManagedDatabase database = ManagedDatabase.open(target, log)) {
            assertEquals(List.of("1"), column(database, "SELECT id FROM orders"));
        }

        assertTrue(log.text().contains("WARN The restore of snapshot 'before' was interrupted; completing it before the"
                + " embedded MariaDB starts."), log.text());
        assertEquals(List.of(), new DatadirSnapshot(dataDir, DatadirSnapshot.snapshotsDirFor(dataDir), "shop",
                DatadirSnapshot.SERVER_NOT_RUNNING).list());
        FileUtils.deleteDirectory(dataDir.getParent().toFile());
    }

    private static void execute(ManagedDatabase database, String... statements) throws Exception {
        try (Connection c = DatabaseConnector.open(database.connection()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> column(ManagedDatabase database, String sql) throws Exception {
        try (Connection c = DatabaseConnector.open(database.connection()); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
