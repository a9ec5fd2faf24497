package io.inferbench.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where InferBench keeps its cache, and where the local Maven repository is. */
public final class InferbenchDirs {
    private InferbenchDirs() {
    }

    /** The cache directory: the rule is {@link io.inferbench.api.CacheDirectory}'s, shared with the adapters. */
    public static Path cache() {
        return io.inferbench.api.CacheDirectory.current();
    }

    /**
     * {@code -Dmaven.repo.local}, else {@code $INFERBENCH_MAVEN_REPO}, else {@code <localRepository>}
     * from {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}.
     */
    public static Path mavenRepository() {
        String p = System.getProperty("maven.repo.local");
        if (p == null || p.isBlank()) {
            p = System.getenv("INFERBENCH_MAVEN_REPO");
        }
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        try {
            Path settings = m2.resolve("settings.xml");
            if (Files.isRegularFile(settings)) {
                Matcher m = Pattern.compile("<localRepository>\\s*([^<]+?)\\s*</localRepository>")
                        .matcher(Files.readString(settings));
                if (m.find()) {
                    return Path.of(m.group(1).replace("${user.home}", System.getProperty("user.home")));
                }
            }
        } catch (java.io.IOException e) {
            // fall through to the default
        }
        return m2.resolve("repository");
    }
}
