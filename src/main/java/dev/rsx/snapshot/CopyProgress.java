package dev.rsx.snapshot;

import dev.rsx.engine.EngineLog;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells the user how a long copy is going. Quiet for the first second, so a small data directory copies without a
 * word; after that one info line about every second with the bytes copied, the rate and the time left, and a last
 * line when the copy is done.
 */
final class CopyProgress {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final double MB = 1024.0 * 1024.0;

    private final String what;
    private final long totalBytes;
    private final EngineLog log;
    private final LongSupplier nanoClock;
    private final long startedAt;
    private long copied;
    private long lastLineAt;
    private boolean printed;

    /**
     * @param what what is copied, the start of every line, e.g. {@code "Copying the data directory"}
     * @param totalBytes what the copy will come to, as measured before it started
     */
    CopyProgress(String what, long totalBytes, EngineLog log) {
        this(what, totalBytes, log, System::nanoTime);
    }

    CopyProgress(String what, long totalBytes, EngineLog log, LongSupplier nanoClock) {
        this.what = what;
        this.totalBytes = Math.max(0, totalBytes);
        this.log = log;
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
        this.lastLineAt = startedAt;
    }

    /** Records {@code bytes} more copied, and prints a line when the last one is a second old. */
    void add(long bytes) {
        copied += bytes;
        long now = nanoClock.getAsLong();
        if (now - lastLineAt >= SECOND) {
            lastLineAt = now;
            printed = true;
            log.info(line(now));
        }
    }

    /** Ends the copy: a summary line when progress was shown, nothing otherwise. */
    void finish() {
        if (printed) {
            long elapsed = nanoClock.getAsLong() - startedAt;
            log.info(String.format(Locale.ROOT, "%s: done, %s in %.1f s (%s)", what, megabytes(copied),
                    elapsed / (double) SECOND, rate(copied, elapsed)));
        }
    }

    long copied() {
        return copied;
    }

    private String line(long now) {
        long elapsed = Math.max(1, now - startedAt);
        // The total was measured before the copy; files the server grew meanwhile can take it past 100 %.
        long total = Math.max(totalBytes, copied);
        int percent = total == 0 ? 100 : (int) (copied * 100 / total);
        double bytesPerNano = copied / (double) elapsed;
        String left = bytesPerNano <= 0 ? "time left unknown"
                : "about " + duration((long) ((total - copied) / bytesPerNano)) + " left";
        return String.format(Locale.ROOT, "%s: %.1f / %s (%d%%), %s, %s", what, copied / MB, megabytes(total), percent,
                rate(copied, elapsed), left);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }

    private static String rate(long bytes, long nanos) {
        return String.format(Locale.ROOT, "%.1f MB/s", nanos <= 0 ? 0.0 : bytes / MB / (nanos / (double) SECOND));
    }

    private static String duration(long nanos) {
        long seconds = (nanos + SECOND - 1) / SECOND;
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
