package dev.rsx.engine;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.parser.core.formattedsql.FormattedSqlChangeLogParser;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * The Liquibase changelog built in memory from the migration files, never from a changelog file: every
 * changeset's path is the migration's file name alone, so its identity is the same whatever directory, machine
 * or working directory the build runs from.
 */
public final class MigrationChangeLog {

    static final String AUTHOR = "rsx";

    private final Path directory;
    private final DatabaseChangeLog changeLog;
    private final List<ChangeSet> changeSets;
    private final Map<ChangeSet, Source> sources;

    /** Where a changeset came from: its migration file and that file's text, for line numbers in errors. */
    public record Source(MigrationFile file, String content) {}

    private MigrationChangeLog(Path directory, DatabaseChangeLog changeLog, List<ChangeSet> changeSets,
            Map<ChangeSet, Source> sources) {
        this.directory = directory;
        this.changeLog = changeLog;
        this.changeSets = changeSets;
        this.sources = sources;
    }

    /**
     * Reads and validates every migration of {@code directory}: names, versions, formatted changelogs, emptiness.
     * Needs no database, so a broken migration directory fails before any server is started or contacted.
     */
    public static MigrationChangeLog load(Path directory, EngineLog log) {
        List<MigrationFile> files = MigrationDirectory.scan(directory);
        return LiquibaseScope.run(log, () -> of(directory, files));
    }

    /** Builds the changelog of {@code files}; must run inside {@link LiquibaseScope}. */
    public static MigrationChangeLog of(Path directory, List<MigrationFile> files) {
        DatabaseChangeLog changeLog = new DatabaseChangeLog();
        changeLog.setPhysicalFilePath("rsx-migrations");
        List<ChangeSet> changeSets = new ArrayList<>();
        Map<ChangeSet, Source> sources = new IdentityHashMap<>();
        for (MigrationFile file : files) {
            Source source = new Source(file, read(file));
            for (ChangeSet changeSet : changeSetsOf(source, changeLog)) {
                changeLog.addChangeSet(changeSet);
                changeSets.add(changeSet);
                sources.put(changeSet, source);
            }
        }
        return new MigrationChangeLog(directory, changeLog, List.copyOf(changeSets), sources);
    }

    private static List<ChangeSet> changeSetsOf(Source source, DatabaseChangeLog changeLog) {
        MigrationFile file = source.file();
        if (file.formattedChangelog()) {
            return parseFormatted(file);
        }
        ChangeSet changeSet = new ChangeSet(file.version(), AUTHOR, false, false, file.fileName(), null, null, changeLog);
        changeSet.setComments(file.description());
        RawSQLChange change = new RawSQLChange(source.content());
        change.setSplitStatements(true);
        change.setStripComments(false);
        changeSet.addChange(change);
        return List.of(changeSet);
    }

    private static List<ChangeSet> parseFormatted(MigrationFile file) {
        try {
            DatabaseChangeLog parsed = new FormattedSqlChangeLogParser().parse(file.fileName(), new ChangeLogParameters(),
                    new DirectoryResourceAccessor(file.path().getParent()));
            List<ChangeSet> result = new ArrayList<>();
            for (ChangeSet changeSet : parsed.getChangeSets()) {
                changeSet.setFilePath(file.fileName());
                result.add(changeSet);
            }
            if (result.isEmpty()) {
                throw new ProjectException(file.fileName() + " starts with '--liquibase formatted sql' but has no"
                        + " '--changeset author:id' line. Add one, or remove the header to make it a plain SQL migration.");
            }
            return result;
        } catch (ChangeLogParseException | IOException e) {
            throw new ProjectException("Cannot parse the formatted SQL changelog " + file.fileName() + ": " + e.getMessage(), e);
        }
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*(--|#).*$", "");
    }

    private static String read(MigrationFile file) {
        try {
            return Files.readString(file.path(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ProjectException(file.fileName() + " is not valid UTF-8. Save it as UTF-8 and run again.", e);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pending files with nothing but comments (an {@code rsx:new} template not written yet) are refused before
     * anything runs: applying one would record an empty migration as done. {@code rsx:status} just lists them.
     */
    public void requireStatements(StatusReport status) {
        List<String> unwritten = pendingChangeSets(status).stream()
                .map(sources::get)
                .filter(source -> !source.file().formattedChangelog() && withoutComments(source.content()).isBlank())
                .map(source -> source.file().fileName())
                .distinct().toList();
        if (!unwritten.isEmpty()) {
            throw new ProjectException(String.join(", ", unwritten) + (unwritten.size() == 1 ? " has" : " have")
                    + " no SQL statements, only comments or nothing; nothing was run. Write the migration's statements,"
                    + " or delete the file if it was created by mistake.");
        }
    }

    /** The changesets {@code status} lists as pending, in the order they run. */
    public List<ChangeSet> pendingChangeSets(StatusReport status) {
        Set<String> pending = status.pending().stream()
                .map(p -> p.fileName() + "::" + p.changeSetId()).collect(Collectors.toSet());
        return changeSets.stream().filter(cs -> pending.contains(cs.getFilePath() + "::" + cs.getId())).toList();
    }

    /** The migration files, in version order. */
    public List<MigrationFile> files() {
        return sources.values().stream().map(Source::file).distinct().sorted().toList();
    }

    public Path directory() {
        return directory;
    }

    DatabaseChangeLog liquibaseChangeLog() {
        return changeLog;
    }

    /** Changesets in the order they run. */
    public List<ChangeSet> changeSets() {
        return changeSets;
    }

    public Source sourceOf(ChangeSet changeSet) {
        return sources.get(changeSet);
    }
}
