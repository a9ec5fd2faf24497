package io.inferbench.run;

import io.inferbench.scenario.ConfigurationSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start a child JVM: which {@code java}, what class path, which JVM flags and which extra
 * environment variables (on top of the parent's).
 *
 * <p>{@link #current()} repeats this JVM: its own java binary and class path, a default heap of
 * {@link #DEFAULT_HEAP}, and the few settings the harness itself reads. JVM flags of the parent are
 * deliberately not copied (a debugger agent or a profiler would clash or distort); a per
 * configuration {@link Factory} adds what a configuration needs.
 *
 * @param java        the java executable
 * @param classpath   class path entries, in order
 * @param jvmArgs     flags before the main class; for repeated flags such as {@code -Xmx} the last wins
 * @param environment variables set (or replaced) in the child's environment
 * @param launcher    the command the JVM is started through, e.g. {@code taskset -c 0-1} ({@code hardware.cpus});
 *                    empty to start it directly
 */
public record ForkJvm(Path java, List<String> classpath, List<String> jvmArgs, Map<String, String> environment,
                      List<String> launcher) {
    /** Maximum heap of a child unless a configuration says otherwise. */
    public static final String DEFAULT_HEAP = "-Xmx4g";
    /** Thread stack size of a child (the main thread's included; see {@link #current()}). */
    public static final String THREAD_STACK = "-Xss2m";
    /** System properties the harness reads; passed on when set. */
    static final List<String> PASSED_PROPERTIES = List.of("inferbench.home", "inferbench.cache.dir",
            "maven.repo.local");

    /** Chooses the JVM for each configuration (a per-backend class path, heap or flags plug in here). */
    @FunctionalInterface
    public interface Factory {
        /** Every configuration in a JVM like this one ({@link #current()}). */
        Factory CURRENT = c -> current();

        ForkJvm forConfiguration(ConfigurationSpec configuration);
    }

    public ForkJvm {
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("classpath: a child JVM needs at least one entry");
        }
        classpath = List.copyOf(classpath);
        jvmArgs = List.copyOf(jvmArgs);
        environment = Map.copyOf(environment);
        launcher = launcher == null ? List.of() : List.copyOf(launcher);
    }

    /** Started directly. */
    public ForkJvm(Path java, List<String> classpath, List<String> jvmArgs, Map<String, String> environment) {
        this(java, classpath, jvmArgs, environment, List.of());
    }

    /** Pinning was asked for ({@code hardware.cpus}) but this machine has no way to do it. */
    public static final class PinningUnavailableException extends IllegalStateException {
        PinningUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * This JVM started through {@code taskset -c cpus}, so it and every thread it starts (the backend's
     * native pools included) run on those CPUs only.
     *
     * @throws PinningUnavailableException when {@code taskset} (util-linux) is not on the PATH
     */
    public ForkJvm pinnedTo(String cpus) {
        Path taskset = onPath("taskset");
        if (taskset == null) {
            throw new PinningUnavailableException("hardware.cpus (" + cpus + "): taskset is not on the PATH, so the "
                    + "child JVM cannot be pinned; install util-linux (apt-get install util-linux) or remove hardware.cpus");
        }
        return new ForkJvm(java, classpath, jvmArgs, environment, List.of(taskset.toString(), "-c", cpus));
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** A JVM like this one: same java, same class path, native access on JDK 22+, a 4 GB heap. */
    public static ForkJvm current() {
        List<String> args = new ArrayList<>();
        if (Runtime.version().feature() >= 22) {
            // Native backends use JNI; without this JDK 22+ prints a warning into every fork's stderr.
            args.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 24) {
            // protobuf 3.21 (TensorFlow Java) uses sun.misc.Unsafe; JDK 24+ warns unless allowed.
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        args.add(DEFAULT_HEAP);
        // ONNX Runtime 1.29 overflows the launcher's 1 MB main-thread stack while creating a session once
        // the command line (the class path, which the fork spells out jar by jar) passes about 4 KB, and the
        // JVM dies by SIGSEGV without an error file. 2 MB is ample (found with the DJL adapter's jars added).
        args.add(THREAD_STACK);
        // A fork out of heap has a broken measurement: end it at once, with the error on stderr.
        args.add("-XX:+ExitOnOutOfMemoryError");
        for (String p : PASSED_PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                args.add("-D" + p + "=" + v);
            }
        }
        List<String> cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).toList();
        return new ForkJvm(javaBinary(), cp, args, Map.of());
    }

    /** This JVM with {@code more} flags after the present ones (so {@code -Xmx64m} replaces the default heap). */
    public ForkJvm withJvmArgs(String... more) {
        List<String> all = new ArrayList<>(jvmArgs);
        all.addAll(List.of(more));
        return new ForkJvm(java, classpath, all, environment, launcher);
    }

    public ForkJvm withClasspath(List<String> entries) {
        return new ForkJvm(java, entries, jvmArgs, environment, launcher);
    }

    /** This JVM with {@code entries} after its class path (an adapter's jars after the core's). */
    public ForkJvm withAdditionalClasspath(List<String> entries) {
        List<String> all = new ArrayList<>(classpath);
        entries.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new ForkJvm(java, all, jvmArgs, environment, launcher);
    }

    public ForkJvm withEnvironment(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new ForkJvm(java, classpath, jvmArgs, env, launcher);
    }

    /** The command line: the launcher, java, flags, {@code extraJvmArgs}, class path, main class, arguments. */
    public List<String> command(List<String> extraJvmArgs, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(extraJvmArgs);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classpath));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The java binary of this process, else {@code java.home/bin/java}. */
    private static Path javaBinary() {
        return ProcessHandle.current().info().command().map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("java") && Files.isExecutable(p))
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
