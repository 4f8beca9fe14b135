package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.MigrationsDir;
import dev.rsx.testing.OnEveryTarget;
import dev.rsx.testing.TestDatabases;
import dev.rsx.testing.TestDb;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The no-op decision without Liquibase: {@link StatusReport#compareCached}, which {@link MigrationEngine#status}
 * answers from when every checksum is cached. It may say "up to date" only when Liquibase's status would say every
 * migration is applied unchanged; in every other case it must say so too or answer "don't know", so that the full run
 * decides and explains.
 */
class UpToDateCheckTest {

    private static final String USERS = """
            CREATE TABLE users (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                email VARCHAR(255) NOT NULL
            );
            """;
    private static final String ORDERS = """
            CREATE TABLE orders (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                user_id BIGINT NOT NULL
            );
            """;

    /** The cache's content identity of a file: the SHA-256 of its bytes, in hex. */
    private static String sha256(String content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** The current version when the cached status says every migration is applied; empty otherwise. */
    private static Optional<String> upToDateWithoutLiquibase(TestDb db, MigrationChangeLog changeLog) throws SQLException {
        try (Connection connection = db.connect()) {
            return StatusReport.compareCached(changeLog, TrackingTable.read(connection))
                    .filter(status -> status.rows().stream().allMatch(row -> row.state() == MigrationState.APPLIED))
                    .map(StatusReport::currentVersion);
        }
    }

    @OnEveryTarget
    void upToDateOnlyWhenEveryFileIsAppliedUnchanged(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("up-to-date")
                    .write("001_create_users_table.sql", USERS)
                    .write("002_create_orders_table.sql", ORDERS);
            Path checksums = dir.path().resolveSibling(dir.path().getFileName() + "-checksums");
            MigrationEngine engine = new MigrationEngine(new CapturingLog());

            assertEquals(Optional.empty(), upToDateWithoutLiquibase(db, dir.load(checksums)),
                    "no checksum known yet: the full run must decide");
            engine.migrate(db.settings(), dir.load(checksums), new MigrateOptions(null));
            assertTrue(Files.isRegularFile(checksums), "the run that computed the checksums keeps them");

            assertEquals(Optional.of("002"), upToDateWithoutLiquibase(db, dir.load(checksums)));

            // The cached checksums are Liquibase's own: the ones the tracking table holds.
            assertEquals(db.column("SELECT MD5SUM FROM DATABASECHANGELOG ORDER BY ID"), List.of(
                    ChecksumCache.in(checksums).get("001_create_users_table.sql", sha256(USERS)).orElseThrow(),
                    ChecksumCache.in(checksums).get("002_create_orders_table.sql", sha256(ORDERS)).orElseThrow()));

            dir.write("003_add_name.sql", "ALTER TABLE users ADD COLUMN name VARCHAR(100) NULL;\n");
            assertEquals(Optional.empty(), upToDateWithoutLiquibase(db, dir.load(checksums)), "a new file is pending");
            dir.delete("003_add_name.sql");

            dir.write("002_create_orders_table.sql", ORDERS + "-- edited\n");
            assertEquals(Optional.empty(), upToDateWithoutLiquibase(db, dir.load(checksums)), "an applied file was edited");
            assertThrows(ProjectException.class, () -> engine.migrate(db.settings(), dir.load(checksums), new MigrateOptions(null)),
                    "and the full run refuses it");
            dir.write("002_create_orders_table.sql", ORDERS);
            engine.status(db.settings(), dir.load(checksums)); // the edit's run kept only the checksums it used
            assertEquals(Optional.of("002"), upToDateWithoutLiquibase(db, dir.load(checksums)));

            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                    + " VALUES ('000', 'rsx', '000_gone.sql', NOW(), 0, 'EXECUTED', '9:abc')");
            assertEquals(Optional.empty(), upToDateWithoutLiquibase(db, dir.load(checksums)),
                    "the database applied a migration whose file is gone");
        }
    }

    @OnEveryTarget
    void statusFromTheCachedChecksumsIsLiquibasesStatus(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("status-cached").write("001_create_users_table.sql", USERS);
            Path checksums = dir.path().resolveSibling(dir.path().getFileName() + "-checksums");
            MigrationEngine engine = new MigrationEngine(new CapturingLog());
            engine.migrate(db.settings(), dir.load(checksums), new MigrateOptions(null));
            dir.write("002_create_orders_table.sql", ORDERS);
            engine.status(db.settings(), dir.load(checksums)); // computes and keeps 002's checksum
            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                    + " VALUES ('000', 'rsx', '000_gone.sql', NOW(), 0, 'EXECUTED', '9:abc')");

            StatusReport cached;
            try (Connection connection = db.connect()) {
                cached = StatusReport.compareCached(dir.load(checksums), TrackingTable.read(connection))
                        .orElseThrow(() -> new AssertionError("every checksum is cached"));
            }
            StatusReport computed = engine.status(db.settings(), dir.load());

            assertEquals(computed, cached);
            assertEquals(List.of("000 FILE_MISSING", "001 APPLIED", "002 PENDING"),
                    cached.rows().stream().map(r -> r.version() + " " + r.state()).toList());
        }
    }

    @OnEveryTarget
    void anApplyDecidedFromTheCachedChecksumsRecordsLiquibasesChecksums(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("apply-cached")
                    .write("001_create_users_table.sql", USERS)
                    .write("002_create_orders_table.sql", ORDERS);
            Path checksums = dir.path().resolveSibling(dir.path().getFileName() + "-checksums");
            MigrationEngine engine = new MigrationEngine(new CapturingLog());
            engine.status(db.settings(), dir.load(checksums)); // computes and keeps both checksums

            MigrateResult result = engine.migrate(db.settings(), dir.load(checksums), new MigrateOptions(null));

            assertEquals(2, result.applied().size());
            StatusReport computed = engine.status(db.settings(), dir.load());
            assertEquals(List.of("001 APPLIED", "002 APPLIED"),
                    computed.rows().stream().map(r -> r.version() + " " + r.state()).toList());
            assertEquals(computed.rows().stream().map(MigrationStatus::localChecksum).toList(),
                    db.column("SELECT MD5SUM FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"));
        }
    }

    @OnEveryTarget
    void aFormattedChangelogAlwaysTakesTheFullRun(String target) throws Exception {
        try (TestDb db = TestDatabases.fresh(target)) {
            MigrationsDir dir = MigrationsDir.create("up-to-date-formatted")
                    .write("001_create_users_table.sql", "--liquibase formatted sql\n--changeset alice:1\n" + USERS);
            Path checksums = dir.path().resolveSibling(dir.path().getFileName() + "-checksums");
            MigrationEngine engine = new MigrationEngine(new CapturingLog());
            engine.migrate(db.settings(), dir.load(checksums), new MigrateOptions(null));

            assertEquals(Optional.empty(), upToDateWithoutLiquibase(db, dir.load(checksums)));
            assertTrue(engine.migrate(db.settings(), dir.load(checksums), new MigrateOptions(null)).nothingToMigrate());
        }
    }
}
