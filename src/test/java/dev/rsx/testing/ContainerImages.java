package dev.rsx.testing;

/** Every container image the tests use, pinned in one place. */
public final class ContainerImages {

    public static final String MYSQL = "mysql:8.4";

    private ContainerImages() {}
}
