package dev.rsx.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liquibase.ChecksumVersion;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.exception.ChangeLogParseException;
import liquibase.parser.core.formattedsql.FormattedSqlChangeLogParser;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

/**
 * The Liquibase changelog built in memory from the migration files, never from a changelog file: every
 * changeset's path is the migration's file name alone, so its identity is the same whatever directory, machine
 * or working directory the build runs from.
 *
 * <p>The files are read at once. A plain SQL file is one {@link MigrationChangeSet}, made without Liquibase; Liquibase's
 * side of the changelog (its changesets, which split, checksum and run them) is built the first time it is needed,
 * because a run that finds nothing pending, or whose statements and checksums earlier runs remembered, never needs it
 * (see {@link #cachedChecksums()}). Building it starts Liquibase: about 0.15 s in a cold JVM.
 */
public final class MigrationChangeLog {

    static final String AUTHOR = "rsx";

    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*(--|#).*$");

    private final Path directory;
    private final List<Source> sources;
    private final EngineLog log;
    private final ChecksumCache checksums;
    private final StatementCache statementCache;
    /** The changeset of each plain source, made at once: they are all a cached run needs. */
    private final Map<Source, MigrationChangeSet> plain = new IdentityHashMap<>();
    private final Map<MigrationChangeSet, List<String>> statements = Collections.synchronizedMap(new IdentityHashMap<>());
    private List<MigrationChangeSet> changeSets;
    private Built built;
    private Database dialect;

    /**
     * Where a changeset came from: its migration file and that file's text, for line numbers in errors.
     *
     * @param sha256 the SHA-256 of the file's bytes, in hex: the identity of its content for the checksum cache and
     *     the integrity file, so neither reads nor hashes the file again
     */
    public record Source(MigrationFile file, String content, String sha256) {

        static Source of(MigrationFile file, byte[] bytes) {
            try {
                String content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                return new Source(file, content, Sha256.hex(bytes));
            } catch (CharacterCodingException e) {
                throw new ProjectException(file.fileName() + " is not valid UTF-8. Save it as UTF-8 and run again.", e);
            }
        }
    }

    /** The Liquibase side: the changelog, the changesets in the order they run, and each one's Liquibase changeset. */
    private record Built(DatabaseChangeLog changeLog, List<MigrationChangeSet> changeSets,
            Map<MigrationChangeSet, ChangeSet> liquibase, Map<ChangeSet, MigrationChangeSet> ours) {}

    private MigrationChangeLog(Path directory, List<Source> sources, EngineLog log, ChecksumCache checksums,
            StatementCache statementCache) {
        this.directory = directory;
        this.sources = sources;
        this.log = log;
        this.checksums = checksums;
        this.statementCache = statementCache;
        for (Source source : sources) {
            if (!source.file().formattedChangelog()) {
                plain.put(source, new MigrationChangeSet(source, source.file().version(), AUTHOR));
            }
        }
    }

    /**
     * Reads and validates every migration of {@code directory}: names, versions, encoding, formatted changelogs.
     * Needs no database, so a broken migration directory fails before any server is started or asked anything.
     */
    public static MigrationChangeLog load(Path directory, EngineLog log) {
        return load(directory, log, ChecksumCache.none(), StatementCache.none());
    }

    /** As {@link #load(Path, EngineLog)}, with the checksums and the split statements of earlier runs. */
    public static MigrationChangeLog load(Path directory, EngineLog log, ChecksumCache checksums,
            StatementCache statementCache) {
        MigrationChangeLog changeLog = new MigrationChangeLog(directory, sourcesOf(MigrationDirectory.read(directory)), log,
                checksums, statementCache);
        if (changeLog.hasFormattedChangelogs()) {
            changeLog.built(); // only Liquibase can tell whether a formatted changelog parses
        }
        return changeLog;
    }

    /**
     * Builds the changelog of the usable migrations of {@code contents}, from the bytes the listing read; must run
     * inside {@link LiquibaseScope}.
     */
    public static MigrationChangeLog of(Path directory, MigrationDirectory.Contents contents) {
        MigrationChangeLog changeLog = new MigrationChangeLog(directory, sourcesOf(contents), EngineLog.silent(),
                ChecksumCache.none(), StatementCache.none());
        changeLog.built = build(changeLog.sources, changeLog.plain);
        return changeLog;
    }

    private static List<Source> sourcesOf(MigrationDirectory.Contents contents) {
        return PerFile.stream(contents.migrations()).map(file -> Source.of(file, contents.bytes().get(file))).toList();
    }

    private synchronized Built built() {
        if (built == null) {
            built = LiquibaseScope.run(log, () -> build(sources, plain));
        }
        return built;
    }

    private static Built build(List<Source> sources, Map<Source, MigrationChangeSet> plain) {
        DatabaseChangeLog changeLog = new DatabaseChangeLog();
        changeLog.setPhysicalFilePath("rsx-migrations");
        List<MigrationChangeSet> changeSets = new ArrayList<>();
        Map<MigrationChangeSet, ChangeSet> liquibase = new IdentityHashMap<>();
        Map<ChangeSet, MigrationChangeSet> ours = new IdentityHashMap<>();
        for (Source source : sources) {
            MigrationChangeSet plainOne = plain.get(source);
            Map<MigrationChangeSet, ChangeSet> ofSource = new LinkedHashMap<>();
            if (plainOne != null) {
                ofSource.put(plainOne, plainChangeSet(source, changeLog));
            } else {
                parseFormatted(source.file()).forEach(changeSet -> ofSource.put(
                        new MigrationChangeSet(source, changeSet.getId(), changeSet.getAuthor()), changeSet));
            }
            ofSource.forEach((changeSet, liquibaseOne) -> {
                changeLog.addChangeSet(liquibaseOne);
                changeSets.add(changeSet);
                liquibase.put(changeSet, liquibaseOne);
                ours.put(liquibaseOne, changeSet);
            });
        }
        return new Built(changeLog, List.copyOf(changeSets), liquibase, ours);
    }

    /**
     * The checksum Liquibase records for {@code changeSet}, remembered for later runs. Must run inside
     * {@link LiquibaseScope}.
     */
    String checksumOf(MigrationChangeSet changeSet) {
        String checksum = liquibaseChangeSet(changeSet).generateCheckSum(ChecksumVersion.latest()).toString();
        Source source = changeSet.source();
        if (!source.file().formattedChangelog()) {
            checksums.put(source.file().fileName(), source.sha256(), checksum);
        }
        return checksum;
    }

    /**
     * Every migration file's checksum without Liquibase, from the checksums earlier runs computed, in version order;
     * empty when any is not known there, or the directory has formatted changelogs (whose changesets only Liquibase
     * can list). A plain file is one changeset, identified by {@link #keyOf}.
     */
    Optional<Map<MigrationFile, String>> cachedChecksums() {
        if (hasFormattedChangelogs()) {
            return Optional.empty();
        }
        List<Optional<String>> found = PerFile.stream(sources)
                .map(source -> checksums.get(source.file().fileName(), source.sha256())).toList();
        Map<MigrationFile, String> byFile = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            if (found.get(i).isEmpty()) {
                return Optional.empty();
            }
            byFile.put(sources.get(i).file(), found.get(i).get());
        }
        return Optional.of(byFile);
    }

    /** The {@link ChangeSetKey} of the one changeset of a plain SQL file. */
    static String keyOf(MigrationFile plainFile) {
        return ChangeSetKey.of(plainFile.fileName(), plainFile.version(), AUTHOR);
    }

    /** Keeps the checksums this run computed for the next; see {@link ChecksumCache#save()}. */
    void saveChecksums() {
        checksums.save();
    }

    /** The changeset Liquibase makes of a plain file: one raw SQL change, split at ';', comments kept. */
    private static ChangeSet plainChangeSet(Source source, DatabaseChangeLog changeLog) {
        MigrationFile file = source.file();
        ChangeSet changeSet = new ChangeSet(file.version(), AUTHOR, false, false, file.fileName(), null, null, changeLog);
        changeSet.setComments(file.description());
        RawSQLChange change = new RawSQLChange(source.content());
        change.setSplitStatements(true);
        change.setStripComments(false);
        changeSet.addChange(change);
        return changeSet;
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
        return LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(sql).replaceAll("")).replaceAll("");
    }

    /**
     * Pending files with nothing but comments (an {@code rsx:new} template not written yet) are refused before
     * anything runs: applying one would record an empty migration as done. {@code rsx:status} just lists them.
     */
    public void requireStatements(StatusReport status) {
        List<String> unwritten = pendingChangeSets(status).stream()
                .map(MigrationChangeSet::source)
                .filter(source -> !source.file().formattedChangelog() && withoutComments(source.content()).isBlank())
                .map(source -> source.file().fileName())
                .distinct().toList();
        if (!unwritten.isEmpty()) {
            throw new ProjectException(String.join(", ", unwritten) + (unwritten.size() == 1 ? " has" : " have")
                    + " no SQL statements, only comments or nothing; nothing was run. Write the migration's statements,"
                    + " or delete the file if it was created by mistake.");
        }
    }

    /**
     * The SQL statements Liquibase sends for {@code changeSet} on MySQL and MariaDB, as its split cuts them (before
     * the driver's escape translation). Split once per run, and a plain file's split is remembered by content for the
     * next: the report's plan and the runner both need them, and Liquibase's splitter is most of the cost of reading a
     * migration. A remembered split starts no Liquibase.
     */
    public List<String> statementsOf(MigrationChangeSet changeSet) {
        return statements.computeIfAbsent(changeSet, this::remembered);
    }

    private List<String> remembered(MigrationChangeSet changeSet) {
        Source source = changeSet.source();
        if (source.file().formattedChangelog()) {
            return split(changeSet);
        }
        String fileName = source.file().fileName();
        return statementCache.get(fileName, source.sha256()).orElseGet(() -> {
            List<String> split = split(changeSet);
            statementCache.put(fileName, source.sha256(), split);
            return split;
        });
    }

    /** Keeps the splits this run made for the next; see {@link StatementCache#save}. */
    void saveStatements() {
        statementCache.save(plain.keySet().stream()
                .collect(Collectors.toMap(source -> source.file().fileName(), Source::sha256)));
    }

    private List<String> split(MigrationChangeSet changeSet) {
        return LiquibaseScope.run(log, () -> {
            List<String> sql = new ArrayList<>();
            for (Change change : liquibaseChangeSet(changeSet).getChanges()) {
                if (change instanceof AbstractSQLChange) {
                    for (SqlStatement statement : change.generateStatements(dialect())) {
                        sql.add(((RawSqlStatement) statement).getSql());
                    }
                }
            }
            return List.copyOf(sql);
        });
    }

    /**
     * Liquibase's MySQL dialect without a connection: splitting a raw SQL change asks the database only whether it is
     * SQL Server or DB2, which changes the split. Made on first use, inside the Liquibase scope.
     */
    private synchronized Database dialect() {
        if (dialect == null) {
            dialect = new MySQLDatabase();
        }
        return dialect;
    }

    private boolean hasFormattedChangelogs() {
        return plain.size() < sources.size();
    }

    /** The changesets {@code status} lists as pending, in the order they run. */
    public List<MigrationChangeSet> pendingChangeSets(StatusReport status) {
        Set<String> pending = status.pending().stream()
                .map(p -> p.fileName() + "::" + p.changeSetId()).collect(Collectors.toSet());
        return changeSets().stream().filter(cs -> pending.contains(cs.filePath() + "::" + cs.id())).toList();
    }

    /** The SHA-256 (hex) of each migration file's bytes as this changelog read them. */
    public Map<MigrationFile, String> sha256() {
        return sources.stream().collect(Collectors.toMap(Source::file, Source::sha256));
    }

    /** The migration files, in version order. */
    public List<MigrationFile> files() {
        return sources.stream().map(Source::file).sorted().toList();
    }

    public Path directory() {
        return directory;
    }

    DatabaseChangeLog liquibaseChangeLog() {
        return built().changeLog();
    }

    /** Changesets in the order they run. */
    public synchronized List<MigrationChangeSet> changeSets() {
        if (changeSets == null) {
            changeSets = hasFormattedChangelogs() ? built().changeSets() : sources.stream().map(plain::get).toList();
        }
        return changeSets;
    }

    /** The Liquibase changeset behind {@code changeSet}; must run inside {@link LiquibaseScope}. */
    public ChangeSet liquibaseChangeSet(MigrationChangeSet changeSet) {
        return built().liquibase().get(changeSet);
    }

    /** The changeset Liquibase's {@code changeSet} stands for, when Liquibase runs them. */
    MigrationChangeSet changeSetOf(ChangeSet changeSet) {
        return built().ours().get(changeSet);
    }
}
