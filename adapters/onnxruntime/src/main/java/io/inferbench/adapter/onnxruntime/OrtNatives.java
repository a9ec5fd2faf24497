package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Places ONNX Runtime's native libraries in the InferBench cache, once per machine, and points ONNX
 * Runtime at them with the {@code onnxruntime.native.path} system property.
 *
 * <p>Why: by default ONNX Runtime copies ~30 MB of libraries into a fresh temporary directory in every
 * JVM, which every forked benchmark JVM pays for again at start-up. Here they are extracted once to
 * {@code <cache>/natives/onnxruntime-<version>/<os-arch>/} ({@code onnxruntime_gpu-<version>} for the
 * GPU build, whose libraries differ under the same names) and reused.
 *
 * <p>{@link #install()} must run before any {@code ai.onnxruntime} class is initialised: ONNX Runtime
 * reads the property once, when it loads its natives. Referring to {@code OrtEnvironment.class} here
 * loads that class without initialising it, so it does not trigger the native load.
 */
final class OrtNatives {
    static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";

    /**
     * Libraries ONNX Runtime loads when it starts. The first two are in every jar; the shared
     * provider library comes with GPU builds.
     */
    static final List<String> CORE_LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni",
            "onnxruntime_providers_shared");

    /** The CUDA provider (~600 MB in the GPU jar): extracted only when a GPU session is opened. */
    static final String CUDA_LIBRARY = "onnxruntime_providers_cuda";

    private static final Duration STALE_TEMP_AGE = Duration.ofHours(1);

    /**
     * Where the natives come from.
     *
     * @param directory the directory ONNX Runtime loads from; {@code null} when it falls back to its
     *                  own temporary extraction or to {@code java.library.path}
     * @param managed   whether the directory is the InferBench cache (rather than the user's setting)
     * @param note      why the cache is not used, or where a user setting points; empty when all is well
     */
    record Location(Path directory, boolean managed, String note) {
    }

    private static Location installed;

    private OrtNatives() {
    }

    /** Extracts the natives into the cache (if needed) and sets {@code onnxruntime.native.path}. Never throws. */
    static synchronized Location install() {
        if (installed == null) {
            installed = doInstall();
        }
        return installed;
    }

    private static Location doInstall() {
        String userPath = System.getProperty(NATIVE_PATH_PROPERTY);
        if (userPath != null) {
            return new Location(Path.of(userPath), false, "native libraries from " + NATIVE_PATH_PROPERTY + "="
                    + userPath);
        }
        String osArch = osArch();
        if (osArch == null) {
            return new Location(null, false, "no bundled onnxruntime natives for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        }
        Path dir = null;
        try {
            dir = cacheDir(System::getProperty, System::getenv).resolve("natives")
                    .resolve(artifact() + "-" + jarVersion()).resolve(osArch);
            List<String> present = extract(resourceDir(osArch), dir);
            if (!present.contains(fileName("onnxruntime")) || !present.contains(fileName("onnxruntime4j_jni"))) {
                return new Location(null, false, "no bundled onnxruntime natives for " + osArch
                        + "; onnxruntime looks in java.library.path");
            }
            System.setProperty(NATIVE_PATH_PROPERTY, dir.toString());
            return new Location(dir, true, "");
        } catch (IOException | RuntimeException e) {
            return new Location(null, false, "could not cache onnxruntime natives in " + dir + " (" + e
                    + "); onnxruntime extracts them to a temporary directory instead");
        }
    }

    /**
     * Places a provider library beside the core ones, where {@code libonnxruntime} looks for it. Does
     * nothing when the jar has no such library or the natives are not in the InferBench cache (then
     * ONNX Runtime finds it, or reports it missing, by itself).
     */
    static synchronized void installProvider(String library) throws IOException {
        Location location = install();
        String osArch = osArch();
        if (!location.managed() || osArch == null) {
            return;
        }
        URL url = OrtEnvironment.class.getResource(resourceDir(osArch) + fileName(library));
        if (url != null) {
            copyIfDifferent(url, location.directory().resolve(fileName(library)));
        }
    }

    /**
     * The InferBench cache: system property {@code inferbench.cache.dir}, else environment variable
     * {@code INFERBENCH_CACHE_DIR}, else {@code $XDG_CACHE_HOME/inferbench}, else
     * {@code ~/.cache/inferbench}. The lookups are parameters so tests need not touch the real ones.
     */
    static Path cacheDir(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        return io.inferbench.api.CacheDirectory.of(systemProperty, environment);
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Copies every library of {@link #CORE_LIBRARIES} found under {@code resourceDir} (a class-path directory
     * such as {@code /ai/onnxruntime/native/linux-x64/}) into {@code dir}, skipping files that already
     * have the right size.
     *
     * @return file names of the libraries now present in {@code dir}
     */
    static List<String> extract(String resourceDir, Path dir) throws IOException {
        List<String> present = new ArrayList<>();
        for (String library : CORE_LIBRARIES) {
            String file = fileName(library);
            URL url = OrtEnvironment.class.getResource(resourceDir + file);
            if (url == null) {
                continue;
            }
            if (present.isEmpty()) {
                Files.createDirectories(dir);
                deleteStaleTemps(dir);
            }
            copyIfDifferent(url, dir.resolve(file));
            present.add(file);
        }
        return present;
    }

    /**
     * Writes the resource to {@code target} unless a file of the same size is already there.
     *
     * <p>Safe when several JVMs do it at once: each writes its own temporary file in the target
     * directory and renames it into place, which is atomic, so no JVM ever loads a half-written
     * library. A JVM that already mapped an older file keeps its copy (the rename replaces the
     * directory entry, not the file's contents).
     *
     * @return whether the file was written
     */
    static boolean copyIfDifferent(URL resource, Path target) throws IOException {
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        if (size >= 0 && hasSize(target, size)) {
            return false;
        }
        Path temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (size >= 0 && Files.size(temp) != size) {
                throw new IOException("short read of " + resource + ": " + Files.size(temp) + " of " + size + " bytes");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Windows refuses to replace a DLL another process has loaded; fine if that copy is complete.
                if (size < 0 || !hasSize(target, size)) {
                    throw e;
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean hasSize(Path file, long size) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == size;
    }

    /** Removes temporary files left by JVMs killed mid-copy; young ones may belong to a copy in progress. */
    private static void deleteStaleTemps(Path dir) {
        Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*.tmp")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            // Best effort: a leftover file wastes space but breaks nothing.
        }
    }

    /** The class-path directory holding the natives for {@code osArch}, as ONNX Runtime names it. */
    static String resourceDir(String osArch) {
        return "/ai/onnxruntime/native/" + osArch + "/";
    }

    /** Platform file name of a library as ONNX Runtime maps it: {@code libonnxruntime.so}, {@code onnxruntime.dll}. */
    static String fileName(String library) {
        return System.mapLibraryName(library).replace("jnilib", "dylib");
    }

    /**
     * ONNX Runtime's name for this platform ({@code linux-x64}, {@code osx-aarch64}, {@code win-x64}),
     * computed the same way as its loader does; {@code null} for a platform it does not know.
     */
    static String osArch() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win"
                : os.contains("nux") ? "linux" : null;
        String archPart = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("x86") ? "x86"
                : arch.startsWith("aarch64") ? "aarch64"
                : arch.startsWith("ppc64") ? "ppc64"
                : arch.startsWith("loongarch64") ? "loongarch64" : null;
        return osPart == null || archPart == null ? null : osPart + "-" + archPart;
    }

    /**
     * {@code onnxruntime} or {@code onnxruntime_gpu}: which Maven artifact is on the class path. The two
     * ship different {@code libonnxruntime} builds under the same name, so they get separate cache dirs.
     */
    static String artifact() {
        String osArch = osArch();
        boolean gpu = osArch != null
                && OrtEnvironment.class.getResource(resourceDir(osArch) + fileName(CUDA_LIBRARY)) != null;
        return gpu ? "onnxruntime_gpu" : "onnxruntime";
    }

    /** Version of the ONNX Runtime jar, read without loading natives (from its manifest or git id). */
    static String jarVersion() {
        Package p = OrtEnvironment.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        if (isSet(version)) {
            return version;
        }
        try (InputStream in = OrtEnvironment.class.getResourceAsStream("/GIT_COMMIT_ID")) {
            if (in != null) {
                String id = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                return "git-" + id.substring(0, Math.min(12, id.length()));
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }
}
