package dev.rsx.server;

import dev.rsx.db.ConnectionSettings;
import java.nio.file.Path;

/** Which database a goal works on: a server the user runs, or the embedded MariaDB the plugin runs. */
public sealed interface DatabaseTarget {

    /** A server reached through {@code rsx.url}; the plugin neither starts nor stops it. */
    record External(ConnectionSettings settings) implements DatabaseTarget {}

    /**
     * The embedded MariaDB, started for the goal and stopped after it.
     *
     * @param binariesRoot where unpacked binaries are cached between builds
     * @param dataDir the data directory, persistent so the development database survives between runs
     * @param database the schema to use, created when missing
     */
    record Embedded(Path binariesRoot, Path dataDir, String database) implements DatabaseTarget {}
}
