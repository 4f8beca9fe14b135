package dev.rsx.engine;

/** The environment is wrong: the server is unreachable, credentials are refused, the disk failed. */
public class EnvironmentException extends RsxException {

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
