package dev.rsx.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.ProjectException;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void parsesHostPortAndDatabase() {
        JdbcUrl url = JdbcUrl.parse("jdbc:mysql://db.internal:3307/shop?useSSL=false");

        assertEquals("db.internal", url.host());
        assertEquals(3307, url.port());
        assertEquals("shop", url.database());
        assertFalse(url.isLoopback());
    }

    @Test
    void acceptsMariaDbUrlsAndDefaultsThePort() {
        JdbcUrl url = JdbcUrl.parse("jdbc:mariadb://127.0.0.1/app");

        assertEquals("jdbc:mysql://127.0.0.1/app", url.url());
        assertEquals(3306, url.port());
        assertTrue(url.isLoopback());
    }

    @Test
    void masksPasswordsInUserInfoAndQuery() {
        assertEquals("jdbc:mysql://app:***@db:3306/x?user=app&password=***&useSSL=false",
                JdbcUrl.mask("jdbc:mysql://app:s3cret@db:3306/x?user=app&password=s3cret&useSSL=false"));
        assertFalse(JdbcUrl.parse("jdbc:mysql://db/x?password=s3cret").toString().contains("s3cret"));
    }

    @Test
    void refusesOtherUrlsWithoutEchoingTheirPassword() {
        ProjectException e = assertThrows(ProjectException.class,
                () -> JdbcUrl.parse("jdbc:postgresql://db/x?password=s3cret"));

        assertTrue(e.getMessage().contains("not a MySQL/MariaDB JDBC URL"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void credentialsInTheUrlAreUsedWhenNoneAreGiven() {
        ConnectionSettings fromUrl = new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://db/x?user=app&password=p%40ss"), null, null);
        ConnectionSettings explicit = new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://db/x?user=app"), "admin", "pw");
        ConnectionSettings neither = new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://db/x"), null, null);

        assertEquals("app", fromUrl.username());
        assertEquals("p@ss", fromUrl.password());
        assertEquals("admin", explicit.username());
        assertEquals("root", neither.username());
        assertEquals("", neither.password());
    }

    @Test
    void connectionSettingsNeverPrintThePassword() {
        ConnectionSettings settings = new ConnectionSettings(JdbcUrl.parse("jdbc:mysql://db/x"), "app", "s3cret");

        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }
}
