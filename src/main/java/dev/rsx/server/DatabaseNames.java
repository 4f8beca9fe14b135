package dev.rsx.server;

import java.util.Locale;

/** Turns a project name into a database name that needs no quoting. */
public final class DatabaseNames {

    private static final int MAX_LENGTH = 64;

    private DatabaseNames() {}

    /** {@code my-shop.api} becomes {@code my_shop_api}; a leading digit gets a {@code db_} prefix. */
    public static String sqlSafe(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (safe.isEmpty()) {
            safe = "app";
        }
        if (Character.isDigit(safe.charAt(0))) {
            safe = "db_" + safe;
        }
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe;
    }
}
