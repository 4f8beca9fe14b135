package dev.rsx.engine;

/**
 * Base of every failure the engine reports. Subclasses say whose fault it is, so that the Maven layer can map
 * it without inspecting messages: {@link ProjectException} (the migrations or configuration are wrong) or
 * {@link EnvironmentException} (the server, the disk or the network is).
 */
public abstract class RsxException extends RuntimeException {

    protected RsxException(String message) {
        super(message);
    }

    protected RsxException(String message, Throwable cause) {
        super(message, cause);
    }
}
