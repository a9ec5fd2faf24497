package io.inferbench.adapter.tensorflow;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Points JavaCPP, which unpacks TensorFlow's native libraries (about 680 MB), at the InferBench
 * cache instead of its default {@code ~/.javacpp/cache}.
 *
 * <p>JavaCPP reads the {@code org.bytedeco.javacpp.cachedir} system property once, the first time
 * any JavaCPP-based library loads, and then extracts each native jar once into that directory (and
 * reuses it in later JVMs). So {@link #install()} must run before any {@code org.tensorflow} class
 * is initialised; {@link TfRuntime#get()} guarantees that. A value the user set is left alone.
 */
public final class TfNatives {
    static final String JAVACPP_CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";

    /**
     * Where JavaCPP unpacks the natives.
     *
     * @param directory JavaCPP's cache directory
     * @param managed   whether InferBench chose it (rather than the user's own setting)
     * @param note      where a user setting points; empty when InferBench chose the directory
     */
    public record Location(Path directory, boolean managed, String note) {
    }

    private static Location installed;

    private TfNatives() {
    }

    /** Sets {@code org.bytedeco.javacpp.cachedir} unless already set. Once per JVM; never throws. */
    public static synchronized Location install() {
        if (installed == null) {
            String user = System.getProperty(JAVACPP_CACHE_PROPERTY);
            if (user != null && !user.isBlank()) {
                installed = new Location(Path.of(user), false, "JavaCPP natives cache from "
                        + JAVACPP_CACHE_PROPERTY + "=" + user);
            } else {
                Path dir = cacheDir(System::getProperty, System::getenv).resolve("javacpp");
                System.setProperty(JAVACPP_CACHE_PROPERTY, dir.toString());
                installed = new Location(dir, true, "");
            }
        }
        return installed;
    }

    /**
     * The InferBench cache: system property {@code inferbench.cache.dir}, else environment variable
     * {@code INFERBENCH_CACHE_DIR}, else {@code $XDG_CACHE_HOME/inferbench} (if absolute), else
     * {@code ~/.cache/inferbench}. Same rule as the ONNX Runtime adapter. The lookups are parameters
     * so tests need not touch the real ones.
     */
    static Path cacheDir(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        return io.inferbench.api.CacheDirectory.of(systemProperty, environment);
    }

    /** The InferBench cache of this process. */
    static Path cacheDir() {
        return cacheDir(System::getProperty, System::getenv);
    }
}
