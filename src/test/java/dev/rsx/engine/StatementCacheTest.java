package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rsx.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementCacheTest {

    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE t (\n  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY -- the id, with spaces\n)",
            "INSERT INTO t (name) VALUES ('ä € \t tab'), ('two  spaces')",
            "");

    @Test
    void remembersStatementsWhateverTheyHold() throws IOException {
        Path file = TestDatabases.newWorkFile("statement-cache", "remembers");
        StatementCache first = StatementCache.in(file);
        first.put("001_a.sql", "sha-a", STATEMENTS);
        first.put("002_b.sql", "sha-b", List.of());
        first.save(Map.of("001_a.sql", "sha-a", "002_b.sql", "sha-b"));

        StatementCache second = StatementCache.in(file);
        assertEquals(Optional.of(STATEMENTS), second.get("001_a.sql", "sha-a"));
        assertEquals(Optional.of(List.of()), second.get("002_b.sql", "sha-b"));
        assertEquals(Optional.empty(), second.get("001_a.sql", "sha-edited"), "other content, other entry");
    }

    @Test
    void keepsTheEntriesOfUnchangedFilesAndDropsTheOthers() throws IOException {
        Path file = TestDatabases.newWorkFile("statement-cache", "keeps");
        StatementCache first = StatementCache.in(file);
        first.put("001_a.sql", "sha-a", List.of("SELECT 1"));
        first.put("002_b.sql", "sha-b", List.of("SELECT 2"));
        first.save(Map.of("001_a.sql", "sha-a", "002_b.sql", "sha-b"));

        StatementCache second = StatementCache.in(file);
        second.put("003_c.sql", "sha-c", List.of("SELECT 3"));
        second.save(Map.of("001_a.sql", "sha-a", "003_c.sql", "sha-c")); // 002 was deleted

        StatementCache third = StatementCache.in(file);
        assertEquals(Optional.of(List.of("SELECT 1")), third.get("001_a.sql", "sha-a"), "not split by the second run, kept");
        assertEquals(Optional.empty(), third.get("002_b.sql", "sha-b"));
        assertEquals(Optional.of(List.of("SELECT 3")), third.get("003_c.sql", "sha-c"));
    }

    @Test
    void aDamagedEntryIsSplitAgain() throws IOException {
        Path file = TestDatabases.newWorkFile("statement-cache", "damaged");
        Files.writeString(file, PlainFileResults.key("001_a.sql", "sha-a") + " 2 U0VMRUNUIDE=\n"
                + PlainFileResults.key("002_b.sql", "sha-b") + " 1 not*base64\n");

        StatementCache cache = StatementCache.in(file);

        assertEquals(Optional.empty(), cache.get("001_a.sql", "sha-a"), "one statement where two were counted");
        assertEquals(Optional.empty(), cache.get("002_b.sql", "sha-b"));
    }
}
