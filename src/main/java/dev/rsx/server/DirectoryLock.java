package dev.rsx.server;

import dev.rsx.engine.EngineLog;
import dev.rsx.engine.EnvironmentException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file, held by one thread of one process at a time. The operating system releases
 * it when the process dies, so a killed build never leaves it behind. Threads of one JVM are serialised first,
 * because the JVM refuses a second file lock on the same file.
 */
final class DirectoryLock {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DirectoryLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Takes the lock, telling the user once when it has to wait ({@code holder} says who holds it). */
    static DirectoryLock acquire(Path lockFile, String holder, EngineLog log) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        if (!threadLock.tryLock()) {
            log.info("Waiting: " + holder + ".");
            threadLock.lock();
        }
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                log.info("Waiting: " + holder + ".");
                fileLock = channel.lock();
            }
            return new DirectoryLock(threadLock, channel, fileLock);
        } catch (IOException e) {
            threadLock.unlock();
            throw new EnvironmentException("Cannot lock " + key + ": " + e.getMessage(), e);
        }
    }

    void release() {
        if (!threadLock.isHeldByCurrentThread()) {
            return;
        }
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            // The lock dies with the channel; a failure to close it leaves nothing held.
        } finally {
            threadLock.unlock();
        }
    }
}
