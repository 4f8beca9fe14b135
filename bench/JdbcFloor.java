import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The floor for rsx:migrate: the same statements sent over one plain JDBC connection in auto-commit, with no
 * tracking table, no checksums, no lock and no Maven, and nothing else sent with them. Every *.sql file of the
 * directory runs in file-name order (the generated versions all have the same width, so that is version order), split
 * into statements at a ';' that ends a line (not a comment line); a chunk made only of comments and blank lines is
 * skipped.
 *
 * <p>With {@code tracked} as a third argument it also does what every migration tool must do to remember what it
 * applied, and nothing else: it creates a history table, and runs each file in a transaction that ends with an
 * {@code INSERT} of the file's row and a {@code COMMIT} (DDL commits on its own in MySQL, as it does for the tools).
 * The difference between the two floors is what recording a migration costs on this server: the row and its commit,
 * less the commits saved where a migration's data changes commit together instead of one by one.
 *
 * <pre>
 * java -cp mysql-connector-j.jar bench/JdbcFloor.java 'jdbc:mysql://127.0.0.1:3306/app?user=u&amp;password=p' dir [tracked]
 * </pre>
 *
 * User and password come from the URL, or from JDBC_USER / JDBC_PASSWORD. Prints one line:
 * {@code jdbc-floor: <files> files, <statements> statements in <ms> ms}, the time from opening the connection to the
 * last statement's completion (the JVM's start and this file's compilation are not in it).
 */
public class JdbcFloor {

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length < 2 || args.length > 3 || args.length == 3 && !args[2].equals("tracked")) {
            System.err.println("usage: java -cp <mysql-connector-j.jar> bench/JdbcFloor.java <jdbc-url> <migrations-dir> [tracked]");
            System.exit(2);
        }
        String url = args[0];
        boolean tracked = args.length == 3;
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[1]))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        List<List<String>> statementsByFile = new ArrayList<>();
        for (Path file : files) {
            statementsByFile.add(split(Files.readString(file, StandardCharsets.UTF_8)));
        }

        long started = System.nanoTime();
        int executed = 0;
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(!tracked);
            PreparedStatement history = tracked ? historyTable(connection) : null;
            for (int i = 0; i < files.size(); i++) {
                for (String sql : statementsByFile.get(i)) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(files.get(i).getFileName() + ": " + e.getMessage() + "\n" + sql, e);
                    }
                    executed++;
                }
                if (tracked) {
                    history.setString(1, files.get(i).getFileName().toString());
                    history.setInt(2, statementsByFile.get(i).size());
                    history.executeUpdate();
                    connection.commit();
                }
            }
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.println("jdbc-floor" + (tracked ? " (tracked)" : "") + ": " + files.size() + " files, " + executed
                + " statements in " + elapsedMs + " ms");
    }

    /** A minimal history table, with the columns a tool needs to know what ran, and its insert. */
    private static PreparedStatement historyTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE floor_history (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " script VARCHAR(255) NOT NULL, statements INT NOT NULL,"
                    + " installed_on TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))");
        }
        return connection.prepareStatement("INSERT INTO floor_history (script, statements) VALUES (?, ?)");
    }

    /**
     * With {@code useLocalSessionState}, as the plugin connects: by default the driver asks the server
     * {@code SELECT @@session.transaction_read_only} before every statement that is not a SELECT, a round trip per
     * statement that no migration tool has to pay and a floor must not.
     */
    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("useLocalSessionState", "true");
        String user = System.getenv("JDBC_USER");
        if (user != null) {
            String password = System.getenv("JDBC_PASSWORD");
            properties.setProperty("user", user);
            properties.setProperty("password", password == null ? "" : password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** Statements of a file: text up to each ';' that ends a line; comment-only chunks dropped. */
    static List<String> split(String content) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : content.split("\\R", -1)) {
            String trimmed = line.stripTrailing();
            boolean comment = trimmed.strip().startsWith("--") || trimmed.strip().startsWith("#");
            if (trimmed.endsWith(";") && !comment) {
                current.append(trimmed, 0, trimmed.length() - 1);
                add(statements, current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        add(statements, current.toString());
        return statements;
    }

    private static void add(List<String> statements, String chunk) {
        boolean hasSql = chunk.lines().map(String::strip)
                .anyMatch(l -> !l.isEmpty() && !l.startsWith("--") && !l.startsWith("#"));
        if (hasSql) {
            statements.add(chunk.strip());
        }
    }
}
