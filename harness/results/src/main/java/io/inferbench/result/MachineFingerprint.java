package io.inferbench.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What makes two runs' numbers comparable: the machine and the software stack under the model. A
 * history series is keyed by scenario name, configuration label and this fingerprint; a change of
 * fingerprint starts a new series and is reported as an environment change (with its
 * {@link #differencesFrom differences}), never as a regression.
 *
 * <p>Left out on purpose: the host name (CI runners of one pool are interchangeable), the kernel
 * release (patch updates would cut every series monthly), the exact memory size (the kernel's
 * reserved memory moves it by megabytes between boots: it is rounded to GiB), and InferBench's own
 * version and commit (the harness changing is what a nightly gate is there to judge).
 *
 * @param cpuModel     CPU model name
 * @param logicalCores logical CPUs visible to the JVM
 * @param memoryGiB    physical memory, rounded to whole GiB
 * @param os           operating system name and version
 * @param arch         CPU architecture
 * @param jvm          JVM vendor, name and version
 * @param libraries    backend and native library versions (InferBench's own excluded), sorted by name
 */
public record MachineFingerprint(String cpuModel, int logicalCores, long memoryGiB, String os, String arch,
                                 String jvm, Map<String, String> libraries) {
    /** What a result without an environment gets: it matches only others without one. */
    public static final MachineFingerprint UNKNOWN =
            new MachineFingerprint("unknown", 0, 0, "unknown", "unknown", "unknown", Map.of());

    private static final long GIB = 1L << 30;

    public MachineFingerprint {
        cpuModel = orUnknown(cpuModel);
        os = orUnknown(os);
        arch = orUnknown(arch);
        jvm = orUnknown(jvm);
        libraries = Collections.unmodifiableMap(new TreeMap<>(libraries == null ? Map.of() : libraries));
    }

    /** The fingerprint of the machine a result was measured on. */
    public static MachineFingerprint of(EnvironmentInfo env) {
        if (env == null) {
            return UNKNOWN;
        }
        Map<String, String> libraries = new TreeMap<>(env.libraries());
        libraries.remove("inferbench");
        return new MachineFingerprint(env.cpuModel(), env.logicalCores(),
                Math.round((double) env.memoryBytes() / GIB), env.os(), env.arch(), env.jvm(), libraries);
    }

    /** The fingerprint of {@code run}'s machine. */
    public static MachineFingerprint of(RunResult run) {
        return of(run.environment());
    }

    /** A short stable id (12 hex digits of a SHA-256 over the fields), for file names and labels. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** One line for people: {@code Intel Xeon 8375C, 2 cores, 24 GiB, Debian 12, amd64, OpenJDK 17.0.15}. */
    public String describe() {
        return cpuModel + ", " + logicalCores + " cores, " + memoryGiB + " GiB, " + os + ", " + arch + ", " + jvm;
    }

    /** What changed from {@code earlier} to this fingerprint, field by field; empty when they are equal. */
    public List<Difference> differencesFrom(MachineFingerprint earlier) {
        List<Difference> out = new ArrayList<>();
        compare(out, "CPU", earlier.cpuModel, cpuModel);
        compare(out, "cores", String.valueOf(earlier.logicalCores), String.valueOf(logicalCores));
        compare(out, "memory", earlier.memoryGiB + " GiB", memoryGiB + " GiB");
        compare(out, "OS", earlier.os, os);
        compare(out, "architecture", earlier.arch, arch);
        compare(out, "JVM", earlier.jvm, jvm);
        TreeSet<String> names = new TreeSet<>(earlier.libraries.keySet());
        names.addAll(libraries.keySet());
        for (String name : names) {
            compare(out, name, earlier.libraries.getOrDefault(name, "absent"), libraries.getOrDefault(name, "absent"));
        }
        return out;
    }

    /**
     * One field that differs between two fingerprints.
     *
     * @param field  e.g. {@code CPU}, {@code JVM}, or a library's name
     * @param before its value in the earlier fingerprint ({@code absent} for a library it did not have)
     * @param after  its value in the later one
     */
    public record Difference(String field, String before, String after) {
        public Difference {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        /** {@code onnxruntime 1.28.0 → 1.29.0}. */
        public String describe() {
            return field + " " + before + " \u2192 " + after;
        }
    }

    private String canonical() {
        StringBuilder s = new StringBuilder();
        s.append(cpuModel).append('\n').append(logicalCores).append('\n').append(memoryGiB).append('\n')
                .append(os).append('\n').append(arch).append('\n').append(jvm).append('\n');
        libraries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        return s.toString();
    }

    private static void compare(List<Difference> out, String field, String before, String after) {
        if (!before.equals(after)) {
            out.add(new Difference(field, before, after));
        }
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
