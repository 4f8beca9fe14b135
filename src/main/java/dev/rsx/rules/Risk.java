package dev.rsx.rules;

/**
 * Seed 002's classes of schema change, for the destructive-change rules: caution changes can lose or alter data
 * in some cases (a narrowed type, a rename that breaks readers), dangerous ones do (a dropped column).
 */
public enum Risk {
    CAUTION, DANGEROUS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
