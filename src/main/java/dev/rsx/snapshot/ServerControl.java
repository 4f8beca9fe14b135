package dev.rsx.snapshot;

/**
 * Stops and starts the server whose data directory a {@code datadir} snapshot copies: the embedded MariaDB the plugin
 * runs, or an external server through the user's {@code stopCommand} / {@code startCommand}.
 */
public interface ServerControl {

    /** Stops the server and returns once it has exited and its files are closed. */
    void stop();

    /** Starts the server and returns once it answers queries again. */
    void start();
}
