package dev.rsx.sql;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables statements can change, in their rows or their definition, so that a snapshot need copy only those. Only
 * statements whose reach the syntax tree shows are bounded; anything else (a statement the parser cannot read,
 * {@code CALL}, {@code PREPARE}/{@code EXECUTE}, trigger, event and routine definitions, {@code LOAD DATA}, a table
 * named with its schema, ...) leaves the set unbounded, and the caller must copy everything.
 *
 * <p>The set is a superset where precision would need guessing: a multi-table {@code UPDATE} or {@code DELETE} counts
 * every table it names, a {@code DROP} every name in it. Views are definitions only: a snapshot keeps every
 * definition anyway.
 *
 * @param tables lower-case names of the tables written, when bounded
 * @param unboundedBy why the set is unbounded (the statement's location and kind), or null when it is bounded
 */
public record WrittenTables(Set<String> tables, String unboundedBy) {

    /** The words of a {@code DROP TABLE}, {@code DROP INDEX} or {@code DROP VIEW} that are not names. */
    private static final Set<String> DROP_KEYWORDS = Set.of("DROP", "TEMPORARY", "TABLE", "INDEX", "VIEW", "IF",
            "EXISTS", "ON", "CASCADE", "RESTRICT", "ALGORITHM", "LOCK", "DEFAULT", "INPLACE", "COPY", "NOCOPY", "INSTANT",
            "NONE", "SHARED", "EXCLUSIVE", "WAIT", "NOWAIT");

    /** What no statement writes. */
    public static final WrittenTables NONE = new WrittenTables(Set.of(), null);

    public boolean bounded() {
        return unboundedBy == null;
    }

    /** The tables {@code statements} write, together. */
    public static WrittenTables of(List<MigrationStatement> statements) {
        return union(statements.stream().map(WrittenTables::of).toList());
    }

    /** The tables one statement writes. */
    public static WrittenTables of(MigrationStatement statement) {
        Statement parsed = statement.parsed();
        if (statement.startsWith("DROP", "TABLE") || statement.startsWith("DROP", "TEMPORARY", "TABLE")) {
            return droppedTables(statement); // the parser reads no list of tables
        }
        if (parsed == null) {
            return unbounded(statement, "the SQL parser cannot read it");
        }
        if (parsed instanceof SetStatement || parsed instanceof Select || parsed instanceof CreateView
                || parsed instanceof AlterView) {
            return NONE;
        }
        if (parsed instanceof CreateTable create) {
            return named(statement, List.of(create.getTable()));
        } else if (parsed instanceof Alter alter) {
            return alter(statement, alter);
        } else if (parsed instanceof RenameTableStatement rename) {
            return named(statement, rename.getTableNames().stream()
                    .flatMap(pair -> Stream.of(pair.getKey(), pair.getValue())).toList());
        } else if (parsed instanceof CreateIndex index) {
            return named(statement, List.of(index.getTable()));
        } else if (parsed instanceof Insert insert) {
            return named(statement, List.of(insert.getTable()));
        } else if (parsed instanceof Upsert upsert) {
            return named(statement, List.of(upsert.getTable()));
        } else if (parsed instanceof Truncate truncate) {
            return named(statement, truncate.getTables() != null && !truncate.getTables().isEmpty()
                    ? truncate.getTables() : List.of(truncate.getTable()));
        } else if (parsed instanceof Update || parsed instanceof Delete) {
            return everyTableIn(statement, parsed);
        } else if (parsed instanceof Drop drop) {
            return drop(statement, drop);
        }
        return unbounded(statement, "a " + statementKind(statement) + " statement is not analysed");
    }

    /** Both sets together; the first reason to be unbounded wins. */
    public WrittenTables plus(WrittenTables other) {
        return union(List.of(this, other));
    }

    /**
     * All the sets together, in one pass: adding them up two by two would copy the growing set once per statement,
     * quadratic in the migrations of a large project. The first reason to be unbounded wins.
     */
    public static WrittenTables union(List<WrittenTables> parts) {
        Set<String> union = new HashSet<>();
        for (WrittenTables part : parts) {
            if (!part.bounded()) {
                return part;
            }
            union.addAll(part.tables);
        }
        return new WrittenTables(Set.copyOf(union), null);
    }

    private static WrittenTables alter(MigrationStatement statement, Alter alter) {
        WrittenTables written = named(statement, List.of(alter.getTable()));
        if (alter.getAlterExpressions() != null) {
            for (AlterExpression expression : alter.getAlterExpressions()) {
                if (expression.getOperation() == AlterOperation.RENAME_TABLE && expression.getNewTableName() != null) {
                    written = written.plus(new WrittenTables(Set.of(key(expression.getNewTableName())), null));
                }
            }
        }
        return written;
    }

    /** Views, indexes: every name the statement holds (an index's table among them). */
    private static WrittenTables drop(MigrationStatement statement, Drop drop) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        if (!Set.of("INDEX", "VIEW").contains(type)) {
            return unbounded(statement, "DROP " + type + " is not analysed");
        }
        return droppedTables(statement);
    }

    private static WrittenTables droppedTables(MigrationStatement statement) {
        if (statement.tokens().stream().anyMatch(t -> t.text().equals("."))) {
            return unbounded(statement, "it names a table with its schema");
        }
        return new WrittenTables(statement.tokens().stream().filter(SqlToken::isName)
                .filter(t -> t.kind() == SqlToken.Kind.QUOTED_IDENTIFIER || !DROP_KEYWORDS.contains(t.upper()))
                .map(t -> key(t.name())).collect(Collectors.toUnmodifiableSet()), null);
    }

    private static WrittenTables everyTableIn(MigrationStatement statement, Statement parsed) {
        Set<String> names = new TablesNamesFinder<Void>().getTables(parsed);
        if (names.stream().anyMatch(name -> name.contains("."))) {
            return unbounded(statement, "it names a table with its schema");
        }
        return new WrittenTables(names.stream().map(WrittenTables::key).collect(Collectors.toUnmodifiableSet()), null);
    }

    private static WrittenTables named(MigrationStatement statement, List<Table> tables) {
        Set<String> names = new LinkedHashSet<>();
        for (Table table : tables) {
            if (table == null || table.getName() == null) {
                return unbounded(statement, "its table could not be told");
            }
            if (table.getSchemaName() != null) {
                return unbounded(statement, "it names a table with its schema");
            }
            names.add(key(table.getName()));
        }
        return new WrittenTables(Set.copyOf(names), null);
    }

    private static WrittenTables unbounded(MigrationStatement statement, String why) {
        return new WrittenTables(Set.of(), statement.location() + " (" + why + ")");
    }

    /** The statement's first words, for a message: {@code CALL}, {@code LOAD DATA}. */
    private static String statementKind(MigrationStatement statement) {
        return statement.tokens().stream().limit(2).filter(t -> t.kind() == SqlToken.Kind.WORD)
                .map(SqlToken::upper).collect(Collectors.joining(" "));
    }

    private static String key(String name) {
        return name.replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
