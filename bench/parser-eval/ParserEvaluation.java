// Parser evaluation for RSX Migrate static analysis: JSqlParser vs Alibaba Druid vs Apache Calcite Babel, on the
// MySQL/MariaDB migration corpus in corpus.sql. Throwaway bench code, not part of the plugin; run it via run.sh.
//
// Output (stdout, Markdown): per-parser accept counts, timing, negative controls, per-statement failures with the
// first line of each error, and a linter-oriented spot check that reads the AST through each library's API
// (not toString) on a few statements.
//
// Usage: java -cp <jars of the three parsers>:<classes> ParserEvaluation corpus.sql <lib-dir>
// Environment: ROUNDS (timed passes over the corpus, default 1000), WARMUP (untimed passes first, default 200).

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.SQLUtils;
import com.alibaba.druid.sql.ast.SQLDataType;
import com.alibaba.druid.sql.ast.SQLDataTypeImpl;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableAddColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableDropColumnItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableItem;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableRenameColumn;
import com.alibaba.druid.sql.ast.statement.SQLAlterTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLColumnConstraint;
import com.alibaba.druid.sql.ast.statement.SQLColumnDefinition;
import com.alibaba.druid.sql.ast.statement.SQLCreateTableStatement;
import com.alibaba.druid.sql.ast.statement.SQLDeleteStatement;
import com.alibaba.druid.sql.ast.statement.SQLTableElement;
import com.alibaba.druid.sql.ast.statement.SQLUpdateStatement;
import com.alibaba.druid.sql.dialect.mysql.ast.MySqlPrimaryKey;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableChangeColumn;
import com.alibaba.druid.sql.dialect.mysql.ast.statement.MySqlAlterTableModifyColumn;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class ParserEvaluation {

    record Entry(String label, String sql) {}

    interface Parser {
        String name();

        /** Parses one statement; throws on a syntax error. Returns the AST root. */
        Object parse(String sql) throws Exception;

        /** Linter-oriented view of the AST, read through the library's API. */
        String describe(Object ast);
    }

    /** Statements for the AST spot check (labels in corpus.sql). */
    static final List<String> SPOT = List.of("create-autoinc-pk-inline", "create-int-unsigned-table-pk",
            "create-composite-pk-backticks", "create-json-check", "create-like", "create-as-select", "alter-add-column-unsigned",
            "alter-multiple", "alter-change-column", "alter-drop-primary-key", "alter-rename-column",
            "update-no-where", "update-multi-join", "delete-where", "delete-no-where");

    /** Invalid SQL every parser should reject (a parser that accepts these cannot be trusted as a linter front end). */
    static final List<String> NEGATIVE = List.of(
            "ALTER TABLE users ADD COLUMN",
            "CREATE TABLE t (id INT,",
            "UPDATE users SET WHERE id = 1",
            "DROP TABLE",
            "SELEC 1",
            "CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB garbage garbage");

    /** Common table/column names in real schemas, tried unquoted in IDENTIFIER_TEMPLATES (w = the word). */
    static final List<String> WORDS = List.of(("settings setting data value values status type name comment position "
            + "user users role session source format level timestamp date action schema sequence system rows range "
            + "key keys index order group password host port region amount total count description title content "
            + "body text json tag event log history version state mode kind scope enabled active payload priority "
            + "owner account permissions config option rank row number period language locale zone method model "
            + "parameters result signature token").split(" "));

    static final List<String> IDENTIFIER_TEMPLATES = List.of("CREATE TABLE w (id INT, w INT)",
            "INSERT INTO w (w) VALUES (1)", "UPDATE w SET w = 1 WHERE w = 2", "ALTER TABLE w ADD COLUMN w INT",
            "ALTER TABLE t DROP COLUMN w");

    // ---------------------------------------------------------------- JSqlParser

    static final class JSql implements Parser {
        final boolean sharedExecutor;
        final boolean unsupported;
        final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jsqlparser");
            t.setDaemon(true);
            return t;
        });

        JSql(boolean sharedExecutor, boolean unsupported) {
            this.sharedExecutor = sharedExecutor;
            this.unsupported = unsupported;
        }

        public String name() {
            return sharedExecutor ? "JSqlParser (shared executor)"
                    : unsupported ? "JSqlParser +unsupported" : "JSqlParser";
        }

        public Object parse(String sql) throws Exception {
            // MySQL/MariaDB: `[` is not a quote; backslash escapes in strings as in MySQL's default sql_mode.
            if (sharedExecutor) {
                return CCJSqlParserUtil.parse(sql, executor,
                        p -> p.withSquareBracketQuotation(false).withBackslashEscapeCharacter(true));
            }
            return CCJSqlParserUtil.parse(sql, p -> p.withSquareBracketQuotation(false)
                    .withBackslashEscapeCharacter(true).withUnsupportedStatements(unsupported));
        }

        public String describe(Object ast) {
            Statement st = (Statement) ast;
            StringBuilder b = new StringBuilder(st.getClass().getSimpleName());
            if (st instanceof CreateTable ct) {
                b.append(" table=").append(ct.getTable().getName());
                if (ct.getLikeTable() != null) {
                    b.append(" LIKE=").append(ct.getLikeTable().getName());
                }
                if (ct.getSelect() != null) {
                    b.append(" AS_SELECT=yes");
                }
                if (ct.getColumnDefinitions() != null) {
                    for (ColumnDefinition cd : ct.getColumnDefinitions()) {
                        b.append("\n    col ").append(cd.getColumnName()).append(' ').append(type(cd.getColDataType()))
                                .append(" specs=").append(cd.getColumnSpecs());
                    }
                }
                if (ct.getIndexes() != null) {
                    for (Index ix : ct.getIndexes()) {
                        b.append("\n    index type=").append(ix.getType()).append(" name=").append(ix.getName())
                                .append(" cols=").append(ix.getColumnsNames());
                    }
                }
            } else if (st instanceof Alter alter) {
                b.append(" table=").append(alter.getTable().getName());
                for (AlterExpression e : alter.getAlterExpressions()) {
                    b.append("\n    op=").append(e.getOperation()).append(" column=").append(e.getColumnName());
                    if (e.getColOldName() != null) {
                        b.append(" oldName=").append(e.getColOldName());
                    }
                    if (e.getColumnOldName() != null) {
                        b.append(" columnOldName=").append(e.getColumnOldName());
                    }
                    if (e.getColDataTypeList() != null) {
                        for (AlterExpression.ColumnDataType cdt : e.getColDataTypeList()) {
                            b.append(" [").append(cdt.getColumnName()).append(' ').append(type(cdt.getColDataType()))
                                    .append(" specs=").append(cdt.getColumnSpecs()).append(']');
                        }
                    }
                    if (e.getIndex() != null) {
                        b.append(" index=").append(e.getIndex().getType()).append(' ').append(e.getIndex().getName())
                                .append(e.getIndex().getColumnsNames());
                    }
                }
            } else if (st instanceof Update u) {
                b.append(" table=").append(u.getTable().getName()).append(" joins=")
                        .append(u.getStartJoins() == null ? 0 : u.getStartJoins().size())
                        .append(" where=").append(u.getWhere() != null);
            } else if (st instanceof Delete d) {
                b.append(" table=").append(d.getTable().getName()).append(" where=").append(d.getWhere() != null);
            } else if (st instanceof UnsupportedStatement) {
                b.append(" (not modelled)");
            }
            return b.toString();
        }

        static String type(ColDataType t) {
            String signedness;
            try {
                signedness = t.getSignedness() == null ? "" : " signedness=" + t.getSignedness();
            } catch (NoSuchMethodError e) { // getSignedness() is new in 5.4
                signedness = "";
            }
            return t.getDataType() + (t.getArgumentsStringList() == null ? "" : t.getArgumentsStringList())
                    + signedness;
        }
    }

    // ---------------------------------------------------------------- Druid

    static final class Druid implements Parser {
        public String name() {
            return "Druid";
        }

        public Object parse(String sql) throws Exception {
            List<SQLStatement> list = SQLUtils.parseStatements(sql, DbType.mysql);
            if (list.size() != 1) {
                throw new IllegalStateException("expected 1 statement, got " + list.size());
            }
            return list.get(0);
        }

        public String describe(Object ast) {
            StringBuilder b = new StringBuilder(ast.getClass().getSimpleName());
            if (ast instanceof SQLCreateTableStatement ct) {
                b.append(" table=").append(ct.getTableName());
                if (ct.getLike() != null) {
                    b.append(" LIKE=").append(ct.getLike());
                }
                if (ct.getSelect() != null) {
                    b.append(" AS_SELECT=yes");
                }
                for (SQLTableElement el : ct.getTableElementList()) {
                    if (el instanceof SQLColumnDefinition cd) {
                        b.append("\n    col ").append(column(cd));
                    } else if (el instanceof MySqlPrimaryKey pk) {
                        b.append("\n    PRIMARY KEY cols=").append(pk.getColumns());
                    } else {
                        b.append("\n    ").append(el.getClass().getSimpleName());
                    }
                }
            } else if (ast instanceof SQLAlterTableStatement at) {
                b.append(" table=").append(at.getTableName());
                for (SQLAlterTableItem item : at.getItems()) {
                    b.append("\n    ").append(item.getClass().getSimpleName());
                    if (item instanceof SQLAlterTableAddColumn add) {
                        add.getColumns().forEach(c -> b.append(" [").append(column(c)).append(']'));
                        if (add.getAfterColumn() != null) {
                            b.append(" after=").append(add.getAfterColumn());
                        }
                    } else if (item instanceof MySqlAlterTableModifyColumn m) {
                        b.append(" [").append(column(m.getNewColumnDefinition())).append(']');
                    } else if (item instanceof MySqlAlterTableChangeColumn c) {
                        b.append(" old=").append(c.getColumnName()).append(" [")
                                .append(column(c.getNewColumnDefinition())).append(']');
                    } else if (item instanceof SQLAlterTableDropColumnItem d) {
                        b.append(" cols=").append(d.getColumns());
                    } else if (item instanceof SQLAlterTableRenameColumn r) {
                        b.append(" ").append(r.getColumn()).append(" -> ").append(r.getTo());
                    }
                }
            } else if (ast instanceof SQLUpdateStatement u) {
                b.append(" table=").append(u.getTableSource()).append(" where=").append(u.getWhere() != null);
            } else if (ast instanceof SQLDeleteStatement d) {
                b.append(" table=").append(d.getTableName()).append(" where=").append(d.getWhere() != null);
            }
            return b.toString();
        }

        static String column(SQLColumnDefinition cd) {
            SQLDataType t = cd.getDataType();
            StringBuilder b = new StringBuilder(cd.getColumnName()).append(' ').append(t.getName())
                    .append(t.getArguments());
            if (t instanceof SQLDataTypeImpl impl && impl.isUnsigned()) {
                b.append(" unsigned=true");
            }
            b.append(" autoInc=").append(cd.isAutoIncrement()).append(" constraints=")
                    .append(cd.getConstraints().stream().map(ParserEvaluation::simple).collect(Collectors.toList()));
            return b.toString();
        }
    }

    static String simple(SQLColumnConstraint c) {
        return c.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- Calcite Babel

    static final class Calcite implements Parser {
        final SqlParser.Config config = SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withConformance(SqlConformanceEnum.MYSQL_5)
                .withLex(Lex.MYSQL);

        public String name() {
            return "Calcite Babel";
        }

        public Object parse(String sql) throws Exception {
            return SqlParser.create(sql, config).parseStmt();
        }

        public String describe(Object ast) {
            SqlNode n = (SqlNode) ast;
            StringBuilder b = new StringBuilder(n.getClass().getSimpleName()).append(" kind=").append(n.getKind());
            if (n instanceof SqlCreateTable ct) {
                b.append(" table=").append(ct.name).append(" query=").append(ct.query != null);
                if (ct.columnList != null) {
                    for (SqlNode c : ct.columnList) {
                        if (c instanceof SqlColumnDeclaration d) {
                            b.append("\n    col ").append(d.name).append(' ').append(d.dataType)
                                    .append(" nullable=").append(d.dataType.getNullable())
                                    .append(" strategy=").append(d.strategy);
                        } else {
                            b.append("\n    ").append(c.getClass().getSimpleName()).append(' ').append(c);
                        }
                    }
                }
            } else if (n instanceof org.apache.calcite.sql.SqlUpdate u) {
                b.append(" where=").append(u.getCondition() != null);
            } else if (n instanceof org.apache.calcite.sql.SqlDelete d) {
                b.append(" where=").append(d.getCondition() != null);
            }
            return b.toString();
        }
    }

    // ---------------------------------------------------------------- harness

    public static void main(String[] args) throws Exception {
        Logger.getLogger("net.sf.jsqlparser").setLevel(Level.WARNING); // parse() logs its strategy at INFO
        Path corpusFile = Path.of(args[0]);
        Path libDir = Path.of(args[1]);
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "1000"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "200"));
        List<Entry> corpus = readCorpus(corpusFile);

        // PARSERS: which libraries to evaluate (run.sh runs JSqlParser alone a second time with another version).
        List<String> wanted = List.of(System.getenv().getOrDefault("PARSERS", "jsqlparser,druid,calcite").split(","));
        JSql jsqlShared = new JSql(true, false);
        List<Parser> parsers = new ArrayList<>();
        if (wanted.contains("jsqlparser")) {
            parsers.add(new JSql(false, false));
        }
        if (wanted.contains("druid")) {
            parsers.add(new Druid());
        }
        if (wanted.contains("calcite")) {
            parsers.add(new Calcite());
        }
        // Matrix only: the same JSqlParser with withUnsupportedStatements(true).
        JSql jsqlUnsupported = new JSql(false, true);
        List<Parser> matrixParsers = new ArrayList<>(parsers);
        if (wanted.contains("jsqlparser")) {
            matrixParsers.add(1, jsqlUnsupported);
        }
        // libDir sub-folder per parser, as filled by run.sh
        Map<String, String> libOf = Map.of("JSqlParser", "jsqlparser", "Druid", "druid", "Calcite Babel", "calcite");
        Map<String, String> version = new LinkedHashMap<>();
        for (Parser p : parsers) {
            String lib = libOf.get(p.name());
            String jar = jars(libDir.resolve(lib)).stream().map(j -> j.getFileName().toString())
                    .filter(n -> n.startsWith(lib.equals("calcite") ? "calcite-babel-" : lib + "-")).findFirst()
                    .orElse("?");
            version.put(p.name(), jar.replaceAll("^[a-z-]+-(?=[0-9])|\\.jar$", ""));
        }

        Map<Parser, Map<String, String>> failures = new LinkedHashMap<>();
        Map<Parser, Map<String, Object>> asts = new LinkedHashMap<>();
        for (Parser p : matrixParsers) {
            Map<String, String> f = new LinkedHashMap<>();
            Map<String, Object> ok = new LinkedHashMap<>();
            for (Entry e : corpus) {
                try {
                    ok.put(e.label(), p.parse(e.sql()));
                } catch (Throwable t) {
                    f.put(e.label(), firstLine(t));
                }
            }
            failures.put(p, f);
            asts.put(p, ok);
        }

        // Negative controls
        Map<Parser, Integer> rejected = new LinkedHashMap<>();
        Map<Parser, List<String>> wronglyAccepted = new LinkedHashMap<>();
        for (Parser p : parsers) {
            int r = 0;
            List<String> acc = new ArrayList<>();
            for (String bad : NEGATIVE) {
                try {
                    p.parse(bad);
                    acc.add(bad);
                } catch (Throwable t) {
                    r++;
                }
            }
            rejected.put(p, r);
            wronglyAccepted.put(p, acc);
        }

        // Identifier robustness: common names unquoted. A JSqlParser UnsupportedStatement counts as a miss.
        Map<Parser, List<String>> identifierMisses = new LinkedHashMap<>();
        for (Parser p : parsers) {
            List<String> misses = new ArrayList<>();
            for (String w : WORDS) {
                StringBuilder r = new StringBuilder();
                for (String template : IDENTIFIER_TEMPLATES) {
                    String sql = template.replaceAll("\\bw\\b", w);
                    try {
                        r.append(p.parse(sql) instanceof UnsupportedStatement ? 'U' : '.');
                    } catch (Throwable t) {
                        r.append('x');
                    }
                }
                if (r.indexOf("x") >= 0 || r.indexOf("U") >= 0) {
                    misses.add(w + " `" + r + "`");
                }
            }
            identifierMisses.put(p, misses);
        }

        // Timing: parse every statement the parser accepts, WARMUP untimed passes, then ROUNDS timed passes.
        List<Parser> timed = new ArrayList<>(parsers);
        if (wanted.contains("jsqlparser")) {
            timed.add(1, jsqlShared);
        }
        Map<Parser, double[]> timing = new LinkedHashMap<>();
        for (Parser p : timed) {
            Parser base = p == jsqlShared ? parsers.get(0) : p;
            List<String> accepted = corpus.stream().filter(e -> asts.get(base).containsKey(e.label()))
                    .map(Entry::sql).collect(Collectors.toList());
            for (int i = 0; i < warmup; i++) {
                for (String s : accepted) {
                    p.parse(s);
                }
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                for (String s : accepted) {
                    p.parse(s);
                }
            }
            double totalMs = (System.nanoTime() - t0) / 1e6;
            timing.put(p, new double[] {totalMs, totalMs / ((double) rounds * accepted.size()), accepted.size()});
        }

        // ---- report
        PrintOut out = new PrintOut();
        out.p("## Summary");
        out.p("");
        out.p("Corpus: " + corpus.size() + " statements (`corpus.sql`). Timing: " + warmup + " warm-up passes, then "
                + rounds + " timed passes over the statements each parser accepts, one JVM, single thread.");
        out.p("");
        out.p("| Parser | Version | Parsed | of which `UnsupportedStatement` | Failed | Invalid SQL rejected | Time, "
                + rounds + " passes (ms) | µs / statement | Jars (incl. transitive) | Size (MB) |");
        out.p("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Parser p : timed) {
            Parser base = p == jsqlShared ? parsers.get(0) : p;
            String lib = libOf.get(base.name());
            List<Path> jars = jars(libDir.resolve(lib));
            long bytes = 0;
            for (Path j : jars) {
                bytes += Files.size(j);
            }
            double[] t = timing.get(p);
            long unsupported = asts.get(base).values().stream().filter(a -> a instanceof UnsupportedStatement).count();
            out.p(String.format("| %s | %s | %d | %d | %d | %d/%d | %.0f | %.1f | %d | %.1f |", p.name(),
                    version.get(base.name()), asts.get(base).size(), unsupported, failures.get(base).size(),
                    rejected.get(base), NEGATIVE.size(), t[0], t[1] * 1000, jars.size(), bytes / 1e6));
        }
        out.p("");
        out.p("µs / statement is over the accepted statements only (" + timed.stream()
                .map(p -> p.name() + ": " + (int) timing.get(p)[2]).collect(Collectors.joining(", "))
                + "), so the figures are not over identical inputs. `JSqlParser` is `CCJSqlParserUtil.parse(sql, "
                + "consumer)`, which creates and shuts down a single-thread executor per call (for its time-out); "
                + "`JSqlParser (shared executor)` passes one long-lived `ExecutorService`.");
        out.p("");
        out.p("## Matrix (AST root class, or **x** = parse error)");
        out.p("");
        out.p("`JSqlParser +unsupported` is the same parser with `withUnsupportedStatements(true)` (not timed). "
                + "`UnsupportedStatement` means JSqlParser returned its catch-all node instead of a model.");
        out.p("");
        out.p("| # | Statement | " + matrixParsers.stream().map(Parser::name).collect(Collectors.joining(" | "))
                + " |");
        out.p("|---:|---|" + "---|".repeat(matrixParsers.size()));
        int i = 0;
        for (Entry e : corpus) {
            i++;
            StringBuilder row = new StringBuilder("| " + i + " | " + e.label() + " |");
            for (Parser p : matrixParsers) {
                Object ast = asts.get(p).get(e.label());
                row.append(ast == null ? " **x** |" : ast instanceof UnsupportedStatement
                        ? " *UnsupportedStatement* |" : " " + ast.getClass().getSimpleName() + " |");
            }
            out.p(row.toString());
        }
        out.p("");
        out.p("## Failures (first line of the error; for JSqlParser also statements returned as UnsupportedStatement)");
        for (Parser p : parsers) {
            out.p("");
            out.p("### " + p.name() + " " + version.get(p.name()) + " — " + failures.get(p).size() + " failed");
            out.p("");
            failures.get(p).forEach((label, err) -> out.p("- `" + label + "`: " + err.replace("|", "\\|")));
            asts.get(p).forEach((label, ast) -> {
                if (ast instanceof UnsupportedStatement) {
                    out.p("- `" + label + "`: no exception, but returned `UnsupportedStatement` (not modelled)");
                }
            });
        }
        out.p("");
        out.p("## Negative controls (invalid SQL that was accepted)");
        out.p("");
        for (Parser p : parsers) {
            out.p("- " + p.name() + ": " + (wronglyAccepted.get(p).isEmpty() ? "none"
                    : wronglyAccepted.get(p).stream().map(s -> "`" + s + "`").collect(Collectors.joining(", "))));
        }
        out.p("");
        out.p("## Common names as unquoted identifiers");
        out.p("");
        out.p(WORDS.size() + " words, each put into " + IDENTIFIER_TEMPLATES.size() + " templates ("
                + IDENTIFIER_TEMPLATES.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "))
                + "). Listed: words with at least one miss; per template `.` = parsed, `x` = error, "
                + "`U` = JSqlParser `UnsupportedStatement`.");
        out.p("");
        for (Parser p : parsers) {
            out.p("- " + p.name() + " (" + identifierMisses.get(p).size() + " words): "
                    + String.join(", ", identifierMisses.get(p)));
        }
        out.p("");
        out.p("## AST spot check (read through each library's API)");
        for (String label : SPOT) {
            out.p("");
            out.p("### " + label);
            out.p("");
            out.p("```sql");
            out.p(corpus.stream().filter(e -> e.label().equals(label)).findFirst().orElseThrow().sql());
            out.p("```");
            out.p("");
            out.p("```");
            for (Parser p : parsers) {
                Object ast = asts.get(p).get(label);
                String d;
                try {
                    d = ast == null ? "PARSE ERROR: " + failures.get(p).get(label) : p.describe(ast);
                } catch (Throwable t) {
                    d = "describe failed: " + firstLine(t);
                }
                out.p(p.name() + ": " + d);
            }
            out.p("```");
        }
        jsqlShared.executor.shutdownNow();
        jsqlUnsupported.executor.shutdownNow();
    }

    static final class PrintOut {
        void p(String s) {
            System.out.println(s);
        }
    }

    static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    static String firstLine(Throwable t) {
        // JSqlParser wraps the ParseException; report the innermost message, which names the token.
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? "" : c.getMessage().strip();
        String first = m.lines().findFirst().orElse("");
        String name = t == c ? t.getClass().getName() : t.getClass().getName() + " ← " + c.getClass().getName();
        return name + ": " + (first.length() > 220 ? first.substring(0, 220) + "…" : first);
    }

    static List<Entry> readCorpus(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> block = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        lines.add("-- @@");
        for (String line : lines) {
            if (line.equals("-- @@")) {
                String label = null;
                StringBuilder sql = new StringBuilder();
                for (String l : block) {
                    if (l.startsWith("-- # ") && label == null) {
                        label = l.substring(5).strip();
                    } else if (!(sql.length() == 0 && l.startsWith("--"))) {
                        sql.append(l).append('\n');
                    }
                }
                String s = sql.toString().strip();
                if (s.endsWith(";")) {
                    s = s.substring(0, s.length() - 1).stripTrailing();
                }
                if (!s.isEmpty()) {
                    entries.add(new Entry(label == null ? "entry-" + (entries.size() + 1) : label, s));
                }
                block.clear();
            } else {
                block.add(line);
            }
        }
        return entries;
    }
}
