package dev.rsx.engine;

/** The project is wrong: a migration file, its name, its content or the plugin configuration. The user fixes it. */
public class ProjectException extends RsxException {

    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
