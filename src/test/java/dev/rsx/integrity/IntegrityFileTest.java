package dev.rsx.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rsx.engine.MigrationDirectory;
import dev.rsx.engine.MigrationFile;
import dev.rsx.integrity.IntegrityProblem.Kind;
import dev.rsx.testing.MigrationsDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityFileTest {

    private static final String USERS = "20250101000000_create_users_table.sql";
    private static final String EMAIL = "20250102000000_add_email_to_users.sql";
    private static final String ORDERS = "20250103000000_create_orders_table.sql";
    /** The hashes of "SELECT 1;\n", "SELECT 2;\n" and "SELECT 3;\n", computed with sha256sum | base64. */
    private static final String USERS_HASH = "h1:tOBJeATkbgoLC4wxl1sGIVLVUbrEnDwugJMlZ7QIXc0=";
    private static final String EMAIL_HASH = "h1:pBEJ0kBptIIt3F82eyXUhNx+g5v/M4zno+XaZByqzaA=";
    private static final String ORDERS_HASH = "h1:+kpxVx/CBxyLp7n6BCrTJntPE0UVSXrswznfBv/Tcl0=";

    private static MigrationsDir recorded(String testName) {
        MigrationsDir dir = MigrationsDir.create(testName).writeUnrecorded(USERS, "SELECT 1;\n").writeUnrecorded(ORDERS, "SELECT 3;\n");
        IntegrityFile.record(dir.path(), MigrationDirectory.scan(dir.path()));
        return dir;
    }

    /** The check from the files on disk; the one from the digests the changelog took when it read them must agree. */
    private static List<IntegrityProblem> check(MigrationsDir dir) {
        List<IntegrityProblem> fromFiles = IntegrityFile.check(dir.path(), MigrationDirectory.scan(dir.path()));
        assertEquals(fromFiles, IntegrityFile.check(dir.load()), "both ways of checking must find the same");
        return fromFiles;
    }

    private static String sum(MigrationsDir dir) throws IOException {
        return Files.readString(IntegrityFile.pathIn(dir.path()));
    }

    @Test
    void recordsEveryMigrationInVersionOrderUnderATotal() throws IOException {
        MigrationsDir dir = MigrationsDir.create("format").writeUnrecorded(ORDERS, "SELECT 3;\n").writeUnrecorded(USERS, "SELECT 1;\n");

        IntegrityFile.record(dir.path(), MigrationDirectory.scan(dir.path()));

        // Written with sha256sum and base64 from the same two files, independently of the code under test.
        assertEquals("h1:BqTsY1oXVDcg9LS25McUZ2MlDU177CD1i6NQD2MFQmg=\n"
                + USERS + " " + USERS_HASH + "\n"
                + ORDERS + " " + ORDERS_HASH + "\n", sum(dir));
        assertEquals(List.of(), check(dir));
    }

    @Test
    void theMigrationsDirectoryIgnoresTheIntegrityFile() {
        MigrationsDir dir = recorded("scan");

        assertEquals(List.of(USERS, ORDERS),
                MigrationDirectory.scan(dir.path()).stream().map(MigrationFile::fileName).toList());
    }

    @Test
    void anUnchangedReRecordLeavesTheFileUntouched() throws IOException {
        MigrationsDir dir = recorded("unchanged");
        Path sum = IntegrityFile.pathIn(dir.path());
        FileTime earlier = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(sum, earlier);

        IntegrityFile.record(dir.path(), MigrationDirectory.scan(dir.path()));
        assertEquals(earlier, Files.getLastModifiedTime(sum));

        dir.writeUnrecorded(EMAIL, "SELECT 2;\n");
        IntegrityFile.record(dir.path(), MigrationDirectory.scan(dir.path()));
        assertTrue(Files.getLastModifiedTime(sum).compareTo(earlier) > 0, "a changed rsx.sum must be rewritten");
        assertTrue(sum(dir).contains(EMAIL + " " + EMAIL_HASH + "\n"), sum(dir));
        try (var files = Files.list(dir.path())) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "the temporary file must be moved into place");
        }
    }

    @Test
    void migrationsWithoutAnIntegrityFileAreOneMissingProblem() {
        MigrationsDir dir = MigrationsDir.create("missing").writeUnrecorded(USERS, "SELECT 1;\n").writeUnrecorded(ORDERS, "SELECT 3;\n");

        assertEquals(List.of(new IntegrityProblem(Kind.MISSING, null, 0, "The migrations directory " + dir.path()
                + " has 2 migrations but no rsx.sum, so nothing shows which migrations were created deliberately or"
                + " whether they were edited since. Run mvn rsx:hash once to start recording them and commit rsx.sum"
                + " with them (a new project gets it from its first mvn rsx:new).")), check(dir));
    }

    @Test
    void noMigrationsNeedNoIntegrityFile() {
        MigrationsDir dir = MigrationsDir.create("empty");

        assertEquals(List.of(), check(dir));
        assertEquals(List.of(), IntegrityFile.check(dir.path().resolve("absent"), List.of()));
    }

    @Test
    void aMigrationAddedWithoutRecordingIsUnrecorded() {
        MigrationsDir dir = recorded("unrecorded").writeUnrecorded(EMAIL, "SELECT 2;\n");

        assertEquals(List.of(new IntegrityProblem(Kind.UNRECORDED, EMAIL, 0, EMAIL + " is not in rsx.sum: it was not"
                + " created with mvn rsx:new (or was added without recording it). Create migrations with mvn rsx:new"
                + " -Dname=<description>; if you added this one deliberately, run mvn rsx:hash to record it.")), check(dir));
    }

    @Test
    void aMigrationEditedAfterItWasRecordedIsEdited() {
        MigrationsDir dir = recorded("edited").writeUnrecorded(ORDERS, "SELECT 3; -- and a little more\n");

        assertEquals(List.of(new IntegrityProblem(Kind.EDITED, ORDERS, 3, ORDERS + " was edited after it was recorded"
                + " (rsx.sum line 3 holds the hash of its earlier content). If it has not been applied to any database"
                + " yet and the edit is intended, run mvn rsx:hash; if it has been applied, restore the recorded content"
                + " and write the change as a new migration with mvn rsx:new.")), check(dir));
    }

    @Test
    void aRecordedMigrationWhoseFileIsGoneIsRemoved() {
        MigrationsDir dir = recorded("removed").delete(USERS);

        assertEquals(List.of(new IntegrityProblem(Kind.REMOVED, USERS, 2, USERS + " is recorded on rsx.sum line 2 but"
                + " the file is gone. Restore it; if removing it is intended and it was never applied to any database,"
                + " run mvn rsx:hash to drop it from rsx.sum.")), check(dir));
    }

    @Test
    void twoBranchesThatBothAddedMigrationsAreAConflictNotAReordering() {
        // What git itself wrote when merging two branches that each ran rsx:new after the same base.
        MigrationsDir dir = MigrationsDir.create("merge").writeUnrecorded(USERS, "SELECT 1;\n").writeUnrecorded(EMAIL, "SELECT 2;\n")
                .writeUnrecorded(ORDERS, "SELECT 3;\n").writeUnrecorded("rsx.sum", """
                        <<<<<<< HEAD
                        h1:BqTsY1oXVDcg9LS25McUZ2MlDU177CD1i6NQD2MFQmg=
                        %1$s %2$s
                        %3$s %4$s
                        =======
                        h1:FQwVR9nrCa1p3j8fc8nsoDp1rLdiO6u+WB0C/EzTYro=
                        %1$s %2$s
                        %5$s %6$s
                        >>>>>>> add-email
                        """.formatted(USERS, USERS_HASH, ORDERS, ORDERS_HASH, EMAIL, EMAIL_HASH));

        List<IntegrityProblem> problems = check(dir);

        assertEquals(1, problems.size(), problems.toString());
        IntegrityProblem conflict = problems.get(0);
        assertEquals(Kind.CONFLICT, conflict.kind());
        assertEquals(null, conflict.fileName());
        assertEquals(1, conflict.line());
        assertEquals("rsx.sum was merged or edited by hand: it has git merge conflict markers on lines 1, 5, 9. This"
                + " is what two branches that both added migrations look like after a merge. Check that the migrations"
                + " of both branches are in the order they must run in: if one branch's migration must run after the"
                + " other's, move it to a fresh version with mvn rsx:new (create the new file, move its SQL over, delete"
                + " the old file). Then resolve the conflict by keeping both sides' entries, and run mvn rsx:hash to"
                + " record the merged directory.", conflict.message());
    }

    @Test
    void aConflictStillChecksEveryMigrationAgainstTheEntriesThatCanBeRead() {
        // git's diff3 conflict style, with the base's total between ||||||| and =======.
        MigrationsDir dir = MigrationsDir.create("merge-diff3").writeUnrecorded(USERS, "SELECT 1; -- edited\n")
                .writeUnrecorded(ORDERS, "SELECT 3;\n").writeUnrecorded("rsx.sum", """
                        <<<<<<< HEAD
                        h1:BqTsY1oXVDcg9LS25McUZ2MlDU177CD1i6NQD2MFQmg=
                        ||||||| 8dd3f63
                        h1:sDIM/7ekfRUqwrcQSWVqS8PamRKCAbngfh9fyCxBUYo=
                        =======
                        h1:FQwVR9nrCa1p3j8fc8nsoDp1rLdiO6u+WB0C/EzTYro=
                        >>>>>>> add-email
                        %1$s %2$s
                        <<<<<<< HEAD
                        %3$s %4$s
                        ||||||| 8dd3f63
                        =======
                        %5$s %6$s
                        >>>>>>> add-email
                        """.formatted(USERS, USERS_HASH, ORDERS, ORDERS_HASH, EMAIL, EMAIL_HASH));

        List<IntegrityProblem> problems = check(dir);

        assertEquals(List.of(Kind.CONFLICT, Kind.EDITED, Kind.REMOVED),
                problems.stream().map(IntegrityProblem::kind).toList(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("rsx.sum was merged or edited by hand: it has git merge"
                + " conflict markers on lines 1, 3, 5, 7, 9, 11, 12, 14."), problems.get(0).message());
        assertEquals(List.of(8, 13), List.of(problems.get(1).line(), problems.get(2).line()));
        assertEquals(List.of(USERS, EMAIL), List.of(problems.get(1).fileName(), problems.get(2).fileName()));
    }

    @Test
    void aTotalThatDoesNotMatchTheEntriesIsAConflict() throws IOException {
        MigrationsDir dir = recorded("tampered").writeUnrecorded(EMAIL, "SELECT 2;\n");
        // The usual hand resolution of a merge: an entry added below the old total.
        dir.writeUnrecorded("rsx.sum", sum(dir) + EMAIL + " " + EMAIL_HASH + "\n");

        List<IntegrityProblem> problems = check(dir);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(List.of(Kind.CONFLICT, 1), List.of(problems.get(0).kind(), problems.get(0).line()));
        assertTrue(problems.get(0).message().startsWith("rsx.sum was merged or edited by hand: the total on line 1"
                + " does not match the lines after it. This is what two branches"), problems.get(0).message());
    }

    @Test
    void malformedLinesAndRepeatedEntriesAreAConflictThatStillChecksTheRest() throws IOException {
        MigrationsDir dir = recorded("malformed");
        String[] lines = sum(dir).split("\n");
        dir.writeUnrecorded("rsx.sum", lines[0] + "\n" + lines[1] + "\nsomething else\n" + lines[1] + "\n");

        List<IntegrityProblem> problems = check(dir);

        assertEquals(List.of(Kind.CONFLICT, Kind.UNRECORDED), problems.stream().map(IntegrityProblem::kind).toList(),
                problems.toString());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("rsx.sum was merged or edited by hand: line 3 is not"
                + " '<migration> h1:<hash>' but 'something else'; " + USERS + " is listed twice (lines 2 and 4). This"),
                problems.get(0).message());
    }

    @Test
    void aFileWithoutItsTotalIsAConflict() throws IOException {
        MigrationsDir dir = recorded("no-total");
        dir.writeUnrecorded("rsx.sum", sum(dir).substring(sum(dir).indexOf('\n') + 1));

        List<IntegrityProblem> problems = check(dir);

        assertEquals(List.of(Kind.CONFLICT), problems.stream().map(IntegrityProblem::kind).toList(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("rsx.sum was merged or edited by hand: line 1 is not the total"
                + " h1:<hash> of the lines after it. "), problems.get(0).message());
    }

    @Test
    void windowsLineEndsFromACheckoutStillVerify() throws IOException {
        MigrationsDir dir = recorded("crlf");
        dir.writeUnrecorded("rsx.sum", sum(dir).replace("\n", "\r\n"));

        assertEquals(List.of(), check(dir));
    }

    @Test
    void hashesAThousandMigrations() throws Exception {
        MigrationsDir dir = MigrationsDir.create("thousand");
        for (int i = 1; i <= 1000; i++) {
            dir.writeUnrecorded(String.format("%04d_create_table_%d.sql", i, i), "CREATE TABLE t" + i + " (id BIGINT);\n");
        }
        List<MigrationFile> files = MigrationDirectory.scan(dir.path());

        IntegrityFile.record(dir.path(), files);

        List<String> lines = sum(dir).lines().toList();
        assertEquals(1001, lines.size());
        assertEquals("0500_create_table_500.sql h1:" + base64Sha256("CREATE TABLE t500 (id BIGINT);\n"), lines.get(500));
        assertEquals(List.of(), check(dir));
        dir.writeUnrecorded("0777_create_table_777.sql", "CREATE TABLE t777 (id BIGINT, name TEXT);\n");
        assertEquals(List.of("0777_create_table_777.sql"),
                check(dir).stream().map(IntegrityProblem::fileName).toList());
    }

    private static String base64Sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }
}
