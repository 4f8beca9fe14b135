package dev.rsx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksumCacheTest {

    @Test
    void remembersByFileNameAndContentDigest() throws IOException {
        Path file = TestDatabases.newWorkFile("checksum-cache", "remembers");
        ChecksumCache first = ChecksumCache.in(file);
        first.put("001_a.sql", "9a3c07d1_content", "9:aaa");
        first.save();

        ChecksumCache second = ChecksumCache.in(file);
        assertEquals(Optional.of("9:aaa"), second.get("001_a.sql", "9a3c07d1_content"));
        assertEquals(Optional.empty(), second.get("001_a.sql", "5e1f0b2a_edited_content"),
                "an edited file is a different entry: a cached checksum can never be stale");
        assertEquals(Optional.empty(), second.get("002_a.sql", "9a3c07d1_content"), "nor a renamed one");
    }

    @Test
    void keepsOnlyWhatTheLastComputingRunUsed() throws IOException {
        Path file = TestDatabases.newWorkFile("checksum-cache", "prunes");
        ChecksumCache first = ChecksumCache.in(file);
        first.put("001_a.sql", "a", "9:aaa");
        first.put("002_b.sql", "b", "9:bbb");
        first.save();

        ChecksumCache second = ChecksumCache.in(file);
        second.get("001_a.sql", "a");
        second.put("003_c.sql", "c", "9:ccc");
        second.save();

        ChecksumCache third = ChecksumCache.in(file);
        assertEquals(Optional.of("9:aaa"), third.get("001_a.sql", "a"));
        assertEquals(Optional.empty(), third.get("002_b.sql", "b"), "002 was deleted from the migrations");
        assertEquals(Optional.of("9:ccc"), third.get("003_c.sql", "c"));
    }

    @Test
    void aRunThatComputedNothingNewWritesNothing() throws IOException {
        Path file = TestDatabases.newWorkFile("checksum-cache", "unchanged");
        ChecksumCache cache = ChecksumCache.in(file);
        cache.get("001_a.sql", "a");
        cache.save();
        assertFalse(Files.exists(file));
    }

    @Test
    void anUnreadableOrDamagedCacheIsOnlySlower() throws IOException {
        Path file = TestDatabases.newWorkFile("checksum-cache", "damaged");
        Files.writeString(file, "no-space-in-this-line\n\u0000garbage");
        assertEquals(Optional.empty(), ChecksumCache.in(file).get("001_a.sql", "a"));

        Path directory = TestDatabases.newWorkFile("checksum-cache", "a-directory");
        Files.createDirectories(directory);
        ChecksumCache cache = ChecksumCache.in(directory);
        assertEquals(Optional.empty(), cache.get("001_a.sql", "a"));
        cache.put("001_a.sql", "a", "9:aaa");
        cache.save(); // cannot replace a directory: ignored, the run goes on
        assertTrue(Files.isDirectory(directory), "what stands where the cache would go is left as it is");
    }

    @Test
    void noneRemembersNothing() {
        ChecksumCache none = ChecksumCache.none();
        none.put("001_a.sql", "a", "9:aaa");
        none.save();
        assertEquals(Optional.empty(), none.get("001_a.sql", "a"));
    }
}
