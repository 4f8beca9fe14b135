package dev.rsx.snapshot;

import dev.rsx.engine.EnvironmentException;

/**
 * A snapshot could not be taken, restored or dropped: it exists already, does not exist, belongs to another server or
 * schema, or there is not enough room. The message says which and what to do.
 */
public class SnapshotException extends EnvironmentException {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
