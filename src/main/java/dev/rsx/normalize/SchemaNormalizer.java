package dev.rsx.normalize;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.DatabaseConnector;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import dev.rsx.engine.ProjectException;
import dev.rsx.schema.SchemaInventory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Brings a schema to the house standard after migrations (seed 001, "AUTOMATIC NORMALIZATION"): wide integer,
 * text and floating-point types, utf8mb4, millisecond timestamps, the audit columns and their indexes. It runs in
 * every mode, so development and production end with the same schema, and a second run changes nothing.
 */
public final class SchemaNormalizer {

    private final EngineLog log;

    public SchemaNormalizer(EngineLog log) {
        this.log = log;
    }

    public NormalizationResult normalize(ConnectionSettings database, NormalizeOptions options) {
        try (Connection connection = DatabaseConnector.open(database)) {
            return normalize(database, connection, options);
        } catch (SQLException e) {
            throw cannotRead(database, "normalize it", e);
        }
    }

    /** {@link #normalize(ConnectionSettings, NormalizeOptions)} over {@code connection}, open to {@code database}. */
    public NormalizationResult normalize(ConnectionSettings database, Connection connection, NormalizeOptions options) {
        long started = System.nanoTime();
        return normalize(database, connection, options, read(database, connection, "normalize it"), started);
    }

    /**
     * {@link #normalize(ConnectionSettings, Connection, NormalizeOptions)} of {@code tables}, the schema's tables just
     * read on {@code connection}: a run that reads them for its own checks and report anyway does not read them twice.
     * When the result changed something, {@code tables} are out of date.
     */
    public NormalizationResult normalize(ConnectionSettings database, Connection connection, NormalizeOptions options,
            List<SchemaInventory.Table> tables) {
        return normalize(database, connection, options, tables, System.nanoTime());
    }

    private NormalizationResult normalize(ConnectionSettings database, Connection connection, NormalizeOptions options,
            List<SchemaInventory.Table> tables, long started) {
        NormalizationPlan plan = plan(database, connection, options, tables, "normalize it");
        plan.warnings().forEach(log::warn);
        List<String> statements = plan.statements();
        if (!options.dryRun()) {
            execute(connection, plan);
        }
        return new NormalizationResult(plan.tables(), statements, statements.size(), plan.warnings(),
                Duration.ofNanos(System.nanoTime() - started), options.dryRun());
    }

    /**
     * The tables normalization would change in the schema as it is now (lower case), changing nothing: a run's
     * targeted snapshot must copy them too, since normalization follows the migrations. Over {@code connection}, open
     * to {@code database}.
     */
    public Set<String> tablesToChange(ConnectionSettings database, Connection connection, NormalizeOptions options) {
        String purpose = "plan its normalization";
        NormalizationPlan plan = plan(database, connection, options, read(database, connection, purpose), purpose);
        Set<String> tables = new HashSet<>();
        plan.tables().forEach(change -> tables.add(change.table().toLowerCase(Locale.ROOT)));
        plan.rebuiltForeignKeys().forEach(fk -> tables.add(fk.table().toLowerCase(Locale.ROOT)));
        return Set.copyOf(tables);
    }

    private static List<SchemaInventory.Table> read(ConnectionSettings database, Connection connection, String purpose) {
        try {
            return SchemaInventory.readTables(connection);
        } catch (SQLException e) {
            throw cannotRead(database, purpose, e);
        }
    }

    private static NormalizationPlan plan(ConnectionSettings database, Connection connection, NormalizeOptions options,
            List<SchemaInventory.Table> tables, String purpose) {
        try {
            return NormalizationPlanner.plan(SchemaReader.read(connection, tables), options);
        } catch (SQLException e) {
            throw cannotRead(database, purpose, e);
        }
    }

    private static EnvironmentException cannotRead(ConnectionSettings database, String purpose, SQLException e) {
        return new EnvironmentException("Cannot read the schema of " + database.url().masked() + " to " + purpose + ": "
                + e.getMessage(), e);
    }

    /**
     * Drops the foreign keys around the column changes and re-adds them whatever happens, so a failed change never
     * leaves a table without its constraints. When a change failed, that failure is what is reported; foreign keys
     * that could not be re-added are named with it.
     */
    private void execute(Connection connection, NormalizationPlan plan) {
        run(connection, plan.dropForeignKeyStatements());
        ProjectException changeFailure = null;
        try {
            run(connection, plan.alterStatements());
        } catch (ProjectException e) {
            changeFailure = e;
        }
        List<String> notRestored = new ArrayList<>();
        for (String statement : plan.addForeignKeyStatements()) {
            try {
                run(connection, List.of(statement));
            } catch (ProjectException e) {
                notRestored.add(statement);
            }
        }
        if (!notRestored.isEmpty()) {
            String message = "Normalization could not restore " + notRestored.size() + " foreign key statement(s); run"
                    + " them by hand once the cause is fixed:\n  " + String.join(";\n  ", notRestored) + ";";
            throw changeFailure == null ? new ProjectException(message)
                    : new ProjectException(changeFailure.getMessage() + "\n" + message, changeFailure);
        }
        if (changeFailure != null) {
            throw changeFailure;
        }
    }

    private void run(Connection connection, List<String> statements) {
        for (String sql : statements) {
            log.debug("normalize: " + sql);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new ProjectException("Normalization failed: (" + e.getErrorCode() + ") " + e.getMessage()
                        + "\n  Statement: " + sql + "\n  No data was changed by it; fix the schema in a migration, or exempt"
                        + " the table with rsx.normalize.exemptTables.", e);
            }
        }
    }
}
