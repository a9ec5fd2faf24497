package io.inferbench.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Converted models, kept once per machine and shared by every process: a content-addressed cache.
 *
 * <p><b>Key</b> ({@link Key}): the SHA-256 of the source model (a file's bytes; for a folder, every
 * file's relative path and bytes, in path order), the converter's name and the converter's
 * {@link ModelConverter#version() version}. A changed model or a new converter version gets a new
 * entry; the same model with the same converter is converted once.
 *
 * <p><b>Layout</b>: an entry is the folder {@code <root>/<converter>-<version>/<sha256>/} (converter
 * and version made file-system safe), holding whatever the producer wrote: for the TensorFlow adapter
 * the SavedModel itself plus its record. With {@link #in(Path)} the root is
 * {@code <InferBench cache>/converted}, the layout the TensorFlow adapter has always used, so existing
 * conversions stay valid.
 *
 * <p><b>Publishing</b>: the producer writes into a temporary sibling ({@code <sha256>.tmp-<pid>-<nanos>})
 * that is then renamed into place. A rename is atomic, so an entry that exists is complete; when two
 * processes convert the same model at once, the first rename wins and the other uses that result.
 * Temporaries older than {@link #STALE_TEMP_AGE} (left by killed processes) are removed before each
 * new conversion. Thread-safe as far as the file system is; callers that want one conversion at a
 * time per JVM synchronize themselves.
 */
public final class ConversionCache {
    /** The folder under the InferBench cache that {@link #in(Path)} uses. */
    public static final String FOLDER = "converted";
    /** Temporaries younger than this may belong to a conversion still running elsewhere. */
    public static final Duration STALE_TEMP_AGE = Duration.ofHours(6);
    private static final String TEMP_MARK = ".tmp-";

    private final Path root;

    /**
     * What an entry is keyed by.
     *
     * @param sha256    lower-case hex SHA-256 of the source model ({@link #sha256(Path)})
     * @param converter the converter's name, e.g. {@code onnx-to-tensorflow}
     * @param version   the converter's version
     */
    public record Key(String sha256, String converter, String version) {
        public Key {
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(converter, "converter");
            Objects.requireNonNull(version, "version");
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
            }
        }

        /** The key of {@code source} converted by {@code converter}; reads the whole source. */
        public static Key of(Path source, ModelConverter converter) throws IOException {
            return new Key(ConversionCache.sha256(source), converter.name(), converter.version());
        }
    }

    /**
     * An entry of the cache.
     *
     * @param dir    the entry's folder, complete
     * @param reused whether it was there already (made earlier, or by another process meanwhile)
     */
    public record Entry(Path dir, boolean reused) {
    }

    /**
     * Writes a converted model.
     *
     * @param <E> the producer's own failure
     */
    @FunctionalInterface
    public interface Producer<E extends Exception> {
        /** Writes into {@code dir}, which does not exist yet; its parent does. */
        void produce(Path dir) throws E, IOException;
    }

    public ConversionCache(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The cache under an InferBench cache directory (e.g. {@link CacheDirectory#current()}). */
    public static ConversionCache in(Path cacheDirectory) {
        return new ConversionCache(cacheDirectory.resolve(FOLDER));
    }

    public Path root() {
        return root;
    }

    /** Where the entry for {@code key} is or would be. */
    public Path dir(Key key) {
        return root.resolve(safe(key.converter() + "-" + key.version())).resolve(key.sha256());
    }

    /** The entry for {@code key}, if it exists. */
    public Optional<Path> find(Key key) {
        Path dir = dir(key);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /**
     * The entry for {@code key}: the existing one, or one {@code producer} writes now. A producer that
     * fails leaves nothing behind, and its exception comes out unchanged.
     *
     * @throws java.nio.file.AtomicMoveNotSupportedException if the file system cannot rename atomically
     * @throws IOException for any other failure to write the cache
     */
    public <E extends Exception> Entry obtain(Key key, Producer<E> producer) throws E, IOException {
        Path target = dir(key);
        if (Files.isDirectory(target)) {
            return new Entry(target, true);
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        deleteStaleTemps(parent);
        Path temp = parent.resolve(target.getFileName() + TEMP_MARK + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        try {
            producer.produce(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw e;
            } catch (IOException e) {
                // Another process finished first: its result is as good as ours. Linux reports a rename
                // onto a non-empty folder as a plain FileSystemException (ENOTEMPTY), so look, not catch.
                if (Files.isDirectory(target)) {
                    return new Entry(target, true);
                }
                throw e;
            }
            return new Entry(target, false);
        } finally {
            deleteTree(temp);
        }
    }

    /**
     * Lower-case hex SHA-256 of a model: a file's bytes, or for a folder each regular file's path
     * relative to it (with {@code /}) and bytes, in path order, so the same tree gives the same key
     * wherever it lies.
     */
    public static String sha256(Path source) throws IOException {
        MessageDigest digest = newDigest();
        if (Files.isDirectory(source)) {
            for (Path file : filesOf(source)) {
                String relative = source.relativize(file).toString().replace('\\', '/');
                digest.update(relative.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                update(digest, file);
            }
        } else {
            update(digest, source);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<Path> filesOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Removes temporaries left by processes killed mid-conversion; young ones may be in progress. */
    private static void deleteStaleTemps(Path parent) {
        Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.filter(p -> p.getFileName().toString().contains(TEMP_MARK)).toList()) {
                if (Files.getLastModifiedTime(child).toInstant().isBefore(cutoff)) {
                    deleteTree(child);
                }
            }
        } catch (IOException e) {
            // Best effort: a leftover folder wastes space but breaks nothing.
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort, as above.
        }
    }
}
