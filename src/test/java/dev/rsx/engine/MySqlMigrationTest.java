package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import dev.rsx.testing.CapturingLog;
import dev.rsx.testing.ContainerImages;
import dev.rsx.testing.MigrationsDir;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The MySQL-only side of the engine, on a real MySQL 8.4; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class MySqlMigrationTest {

    @Container
    private static final MySQLContainer<?> MYSQL = new MySQLContainer<>(ContainerImages.MYSQL);

    private static ConnectionSettings settings() {
        return new ConnectionSettings(JdbcUrl.parse(MYSQL.getJdbcUrl()), "root", MYSQL.getPassword());
    }

    @Test
    void appliesReportsFailuresAndIsIdempotentOnMySql() {
        MigrationsDir dir = MigrationsDir.create("mysql")
                .write("001_create_users_table.sql", "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n");
        MigrationEngine engine = new MigrationEngine(new CapturingLog());

        assertEquals(1, engine.migrate(settings(), new MigrateOptions(dir.path(), null)).applied().size());
        assertTrue(engine.migrate(settings(), new MigrateOptions(dir.path(), null)).nothingToMigrate());

        dir.write("002_break.sql", "CREATE TABLE t2 (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\nSELECT * FROM nope;\n");
        MigrationFailedException failure = assertThrows(MigrationFailedException.class,
                () -> engine.migrate(settings(), new MigrateOptions(dir.path(), null)));
        assertEquals(2, failure.failedStatement().line());
        assertEquals(List.of(1), failure.committedStatements().stream().map(LocatedStatement::line).toList());
    }
}
