package dev.rsx.integrity;

/**
 * One way the migrations directory and its {@code rsx.sum} disagree. Problems are reported, not thrown, so that the
 * caller can show all of them at once and decide whether they fail the run.
 *
 * @param kind what is wrong
 * @param fileName the migration it concerns, or {@code null} when it concerns {@code rsx.sum} as a whole
 * @param line the 1-based line in {@code rsx.sum} it concerns, or 0 when no line does
 * @param message what happened, where (the migration and the {@code rsx.sum} line), and what to do next
 */
public record IntegrityProblem(Kind kind, String fileName, int line, String message) {

    /** What is wrong. */
    public enum Kind {
        /** Migrations exist but {@code rsx.sum} does not: nothing has been recorded yet. */
        MISSING,
        /** A migration that {@code rsx.sum} does not list. */
        UNRECORDED,
        /** A migration whose content no longer matches the hash recorded for it. */
        EDITED,
        /** An entry in {@code rsx.sum} whose migration file is gone. */
        REMOVED,
        /** {@code rsx.sum} itself holds merge markers, malformed lines, or a total that does not match its entries. */
        CONFLICT
    }
}
