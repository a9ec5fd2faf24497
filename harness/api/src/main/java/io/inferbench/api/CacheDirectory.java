package io.inferbench.api;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where InferBench and its adapters keep unpacked natives, extracted models and converted models,
 * so nothing is unpacked into a fresh temporary folder on every run. One rule for everyone.
 */
public final class CacheDirectory {
    public static final String PROPERTY = "inferbench.cache.dir";
    public static final String ENVIRONMENT = "INFERBENCH_CACHE_DIR";

    private CacheDirectory() {
    }

    /** The cache of this process. */
    public static Path current() {
        return of(System::getProperty, System::getenv);
    }

    /**
     * System property {@code inferbench.cache.dir}, else environment variable
     * {@code INFERBENCH_CACHE_DIR}, else {@code $XDG_CACHE_HOME/inferbench} (when absolute, as the
     * XDG spec asks), else {@code ~/.cache/inferbench}. The lookups are parameters for tests.
     */
    public static Path of(UnaryOperator<String> systemProperty, UnaryOperator<String> environment) {
        String configured = systemProperty.apply(PROPERTY);
        if (isSet(configured)) {
            return Path.of(configured);
        }
        configured = environment.apply(ENVIRONMENT);
        if (isSet(configured)) {
            return Path.of(configured);
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "inferbench");
        }
        return Path.of(systemProperty.apply("user.home"), ".cache", "inferbench");
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
