package dev.rsx.testing;

import dev.rsx.db.ConnectionSettings;
import dev.rsx.db.JdbcUrl;
import dev.rsx.engine.EngineLog;
import dev.rsx.engine.MigrateOptions;
import dev.rsx.engine.MigrationChangeLog;
import dev.rsx.engine.MigrationEngine;
import java.nio.file.Path;

/** Runs one migrate in a JVM of its own, so a test can kill it with SIGKILL like a user's Ctrl-\ or OOM killer. */
public final class MigrateMain {

    public static void main(String[] args) {
        ConnectionSettings settings = new ConnectionSettings(JdbcUrl.parse(args[0]), args[1], args.length > 3 ? args[3] : "");
        new MigrationEngine(EngineLog.silent()).migrate(settings, MigrationChangeLog.load(Path.of(args[2]), EngineLog.silent()), new MigrateOptions(null));
    }
}
