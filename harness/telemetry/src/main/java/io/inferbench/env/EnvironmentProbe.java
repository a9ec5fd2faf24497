package io.inferbench.env;

import io.inferbench.result.EnvironmentInfo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Captures the {@link EnvironmentInfo} recorded with every result.
 *
 * <p>Every field has a fallback, so {@link #capture} never throws; external commands run with a
 * timeout, so it never hangs.
 */
public final class EnvironmentProbe {
    /** Version reported for InferBench when the classes are not in a jar with a manifest. */
    public static final String DEV_VERSION = "dev";

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final List<Path> OS_RELEASE = List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release"));
    private static final Path ETC_HOSTNAME = Path.of("/etc/hostname");

    private EnvironmentProbe() {
    }

    /**
     * Captures the environment of this machine and JVM now.
     *
     * @param libraryVersions backend and native library versions to record; may be null. The
     *                        probe adds {@code inferbench} and {@code java}, which take precedence
     * @param projectDir      the InferBench checkout whose git commit to record; may be null
     * @return the environment
     */
    public static EnvironmentInfo capture(Map<String, String> libraryVersions, Path projectDir) {
        String cpuinfo = read(CPUINFO).orElse(null);
        String arch = property("os.arch", "unknown");
        return new EnvironmentInfo(
                hostname(),
                CpuInfo.modelName(cpuinfo).orElse(arch),
                CpuInfo.inferenceFlags(cpuinfo),
                Runtime.getRuntime().availableProcessors(),
                memoryBytes(),
                osName(),
                property("os.version", "unknown"),
                arch,
                jvm(),
                jvmArgs(),
                libraries(libraryVersions),
                Git.commit(projectDir),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                Gpus.detect(),
                CpuPower.read(CpuPower.SYSFS_CPU));
    }

    /**
     * The host name: from {@link InetAddress#getLocalHost()}, else {@code $HOSTNAME}, else
     * {@code /etc/hostname}, else {@code unknown}. A resolver answer of {@code localhost} is used
     * only when nothing better is found.
     *
     * @return the host name; never null, never throws
     */
    public static String hostname() {
        String resolved = null;
        try {
            resolved = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException ignored) {
            // fall back below
        }
        if (usable(resolved) && !resolved.equalsIgnoreCase("localhost")) {
            return resolved.strip();
        }
        String env = System.getenv("HOSTNAME");
        if (usable(env)) {
            return env.strip();
        }
        Optional<String> file = read(ETC_HOSTNAME).map(String::strip).filter(EnvironmentProbe::usable);
        if (file.isPresent()) {
            return file.get();
        }
        return usable(resolved) ? resolved.strip() : "unknown";
    }

    /**
     * The version in this package's manifest ({@code Implementation-Version}).
     *
     * @return the version, or {@link #DEV_VERSION} when running from classes without one
     */
    public static String inferbenchVersion() {
        Package pkg = EnvironmentProbe.class.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return usable(version) ? version.strip() : DEV_VERSION;
    }

    static long memoryBytes() {
        var fromProc = read(MEMINFO).map(MemInfo::totalBytes);
        if (fromProc.isPresent() && fromProc.get().isPresent()) {
            return fromProc.get().getAsLong();
        }
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return Math.max(0, sun.getTotalMemorySize());
            }
        } catch (RuntimeException | LinkageError ignored) {
            // not a HotSpot-style JVM
        }
        return 0;
    }

    static String osName() {
        for (Path file : OS_RELEASE) {
            Optional<String> pretty = read(file).flatMap(OsRelease::prettyName);
            if (pretty.isPresent()) {
                return pretty.get();
            }
        }
        return property("os.name", "unknown");
    }

    static String jvm() {
        String jvm = Stream.of("java.vm.vendor", "java.vm.name", "java.runtime.version")
                .map(key -> property(key, null))
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return jvm.isEmpty() ? "unknown" : jvm;
    }

    static List<String> jvmArgs() {
        try {
            return List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments());
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    static Map<String, String> libraries(Map<String, String> given) {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("inferbench", inferbenchVersion());
        libraries.put("java", property("java.version", "unknown"));
        if (given != null) {
            given.forEach((name, version) -> {
                if (name != null && version != null) {
                    libraries.putIfAbsent(name, version);
                }
            });
        }
        // The GPU stack (driver's CUDA, toolkit, cuDNN) when there is one: GPU results depend on it.
        Gpus.softwareVersions().forEach(libraries::putIfAbsent);
        return libraries;
    }

    private static String property(String key, String fallback) {
        try {
            String value = System.getProperty(key);
            return usable(value) ? value.strip() : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static boolean usable(String value) {
        return value != null && !value.isBlank();
    }

    /** The file's text, decoded leniently; empty when it cannot be read. */
    private static Optional<String> read(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
