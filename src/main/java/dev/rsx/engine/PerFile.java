package dev.rsx.engine;

import java.util.List;
import java.util.stream.Stream;

/** How work done once for every migration file (reading, hashing, looking up) is spread over the cores. */
public final class PerFile {

    /**
     * From this many files the work pays for the common pool's threads. Below it, starting them and a second busy
     * core beside the early connection, which is what a run waits for, cost more than they save: a no-op of 200
     * migrations reached the database about 0.05 s later with the files read in parallel.
     */
    static final int PARALLEL_FROM = 1_000;

    private PerFile() {}

    /** A stream over {@code items}, one per file: parallel for many files, sequential for a few hundred. */
    public static <T> Stream<T> stream(List<T> items) {
        return items.size() >= PARALLEL_FROM ? items.parallelStream() : items.stream();
    }
}
