package dev.budgetguard.jobs.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake root on a Hadoop file system, with the few file operations the jobs need.
 *
 * <p>Local paths go through {@code RawLocalFileSystem}: the checksumming local file system would leave a {@code .crc}
 * file next to every part, which DuckDB and other readers do not expect.
 */
public final class HadoopLake {

    private final Configuration conf;
    private final FileSystem fs;
    private final Path root;

    HadoopLake(Configuration conf, FileSystem fs, Path root) {
        this.conf = conf;
        this.fs = fs;
        this.root = root;
    }

    public static HadoopLake open(LakeProperties properties) {
        Configuration conf = new Configuration();
        properties.hadoop().forEach(conf::set);
        conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        Path root = new Path(properties.uri());
        try {
            FileSystem fs = root.getFileSystem(conf);
            return new HadoopLake(conf, fs, fs.makeQualified(root));
        } catch (IOException e) {
            throw new LakeIoException("cannot open the lake at " + properties.uri(), e);
        }
    }

    /** The Hadoop configuration writers must use, so that they see the same file system settings. */
    public Configuration configuration() {
        return conf;
    }

    public Path root() {
        return root;
    }

    /** A path below the root; {@code relative} uses forward slashes, as {@code LakeLayout} produces. */
    public Path resolve(String relative) {
        return new Path(root, relative);
    }

    /** The hidden name a file is written under before {@link #publish} moves it into place. */
    public static Path temporaryFor(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".tmp");
    }

    /**
     * Moves a finished temporary file onto its final name, replacing what was there. The replaced file and the new one
     * hold the same rows whenever the names are deterministic, so the short gap between delete and rename loses nothing.
     */
    public void publish(Path temporary, Path target) {
        try {
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("delete returned false");
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename returned false");
            }
        } catch (IOException e) {
            throw new LakeIoException("cannot publish " + temporary + " as " + target, e);
        }
    }

    /** Writes a small file (a reject list, a summary) whole, through a temporary name. */
    public void writeSmallFile(Path target, byte[] content) {
        Path temporary = temporaryFor(target);
        try (OutputStream out = fs.create(temporary, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new LakeIoException("cannot write " + temporary, e);
        }
        publish(temporary, target);
    }

    /** Files matching a glob below the root, such as {@code usage/date=*}{@code /part-x.parquet}. */
    public List<Path> glob(String relativePattern) {
        try {
            FileStatus[] found = fs.globStatus(resolve(relativePattern));
            return found == null
                    ? List.of()
                    : Arrays.stream(found).map(FileStatus::getPath).toList();
        } catch (IOException e) {
            throw new LakeIoException("cannot list " + relativePattern + " under " + root, e);
        }
    }

    public void deleteIfExists(Path file) {
        try {
            fs.delete(file, false);
        } catch (IOException e) {
            throw new LakeIoException("cannot delete " + file, e);
        }
    }
}
