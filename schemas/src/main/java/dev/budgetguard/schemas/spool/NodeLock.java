package dev.budgetguard.schemas.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on {@code <node>.lock} in the spool directory, held while a log is open. Recovery truncates open
 * segments, which would destroy a live writer's data, so a second process for the same node must be refused. The OS
 * drops the lock when the holder dies, so a crashed run never blocks the next one.
 */
final class NodeLock implements AutoCloseable {

    private final FileChannel channel;

    private NodeLock(FileChannel channel) {
        this.channel = channel;
    }

    static NodeLock acquire(Path dir, String nodeId) {
        Path lockPath = dir.resolve(nodeId + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw new IOException("lock held by another process: " + lockPath);
            }
            return new NodeLock(channel);
        } catch (IOException | OverlappingFileLockException e) {
            new NodeLock(channel).close();
            IOException cause = e instanceof IOException io ? io : new IOException("lock held in this JVM", e);
            throw new SpoolIoException("spool " + dir + " is already in use for node " + nodeId, cause);
        }
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing releases the lock; nothing useful to do if even that fails.
        }
    }
}
