package dev.rsx.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.io.file.PathUtils;

/**
 * Copies, measures and deletes directory trees the way {@code cp -a} does: permissions and modification times
 * kept, symbolic links copied as links. File contents move with {@link FileChannel#transferTo}, which the JDK does in
 * the kernel ({@code sendfile}) without passing the bytes through the Java heap, in slices so progress can be shown.
 */
final class DirectoryCopy {

    /** What one transferTo call moves: large enough to cost nothing, small enough for a progress line a second. */
    private static final long SLICE = 8L * 1024 * 1024;

    private DirectoryCopy() {}

    /** The bytes of all regular files below {@code dir}, as a copy of it will need them. */
    static long sizeOf(Path dir) throws IOException {
        AtomicLong size = new AtomicLong();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    size.addAndGet(attrs.size());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return size.get();
    }

    /**
     * Copies the tree {@code from} to {@code to}, which must not exist yet (its parent must), reporting every slice to
     * {@code progress}. Returns the bytes copied.
     */
    static long copy(Path from, Path to, CopyProgress progress) throws IOException {
        AtomicLong copied = new AtomicLong();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectory(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isRegularFile()) {
                    copied.addAndGet(copyFile(file, target, progress));
                    copyAttributes(file, target);
                } else {
                    // symbolic links as links; sockets and pipes (none in a stopped server's data directory) are
                    // refused by Files.copy, which names the file
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                // after the entries: creating them changed the directory's modification time
                copyAttributes(dir, to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        return copied.get();
    }

    private static long copyFile(Path source, Path target, CopyProgress progress) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                long moved = in.transferTo(position, Math.min(SLICE, size - position), out);
                if (moved <= 0) {
                    break; // the file shrank while it was copied; what there was is copied
                }
                position += moved;
                progress.add(moved);
            }
            return position;
        }
    }

    private static void copyAttributes(Path source, Path target) throws IOException {
        PosixFileAttributeView sourceView = Files.getFileAttributeView(source, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (sourceView != null) {
            PosixFileAttributes attributes = sourceView.readAttributes();
            Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(attributes.permissions());
            Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(attributes.lastModifiedTime(), attributes.lastAccessTime(), null);
        } else {
            BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Files.getFileAttributeView(target, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(attributes.lastModifiedTime(), attributes.lastAccessTime(), null);
        }
    }

    /** Deletes {@code path} with everything below it; a path that does not exist is fine. */
    static void delete(Path path) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            PathUtils.delete(path);
        }
    }
}
