package io.inferbench.env;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GPUs as reported by {@code nvidia-smi}, when it is installed, and the CUDA and cuDNN versions found. */
public final class Gpus {
    /** How long {@code nvidia-smi} may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Gpus() {
    }

    /**
     * Runs {@code nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader}
     * if it is on the {@code PATH}.
     *
     * @return one description per GPU, e.g. {@code NVIDIA A100-SXM4-40GB, 40960 MiB, 535.104.05};
     *         empty when {@code nvidia-smi} is absent, fails or times out. Never throws.
     */
    public static List<String> detect() {
        Optional<Path> smi = onPath("nvidia-smi");
        if (smi.isEmpty()) {
            return List.of();
        }
        return Processes.run(TIMEOUT, smi.get().toString(),
                        "--query-gpu=name,memory.total,driver_version", "--format=csv,noheader")
                .map(Gpus::parseNvidiaSmi)
                .orElse(List.of());
    }

    /**
     * Splits {@code nvidia-smi} CSV output into one description per non-blank line.
     *
     * @param output standard output of {@code nvidia-smi}; may be null
     * @return trimmed lines
     */
    public static List<String> parseNvidiaSmi(String output) {
        if (output == null) {
            return List.of();
        }
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Folders where CUDA toolkits and cuDNN are usually installed. */
    private static final List<Path> CUDA_HOMES = List.of(Path.of("/usr/local/cuda"));
    private static final List<Path> HEADER_DIRS = List.of(Path.of("/usr/include"),
            Path.of("/usr/include/x86_64-linux-gnu"), Path.of("/usr/local/cuda/include"));
    private static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/local/cuda/lib64"), Path.of("/usr/lib64"), Path.of("/usr/lib"));
    private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version:\\s*([0-9][0-9.]*)");
    private static final Pattern TOOLKIT_VERSION = Pattern.compile("\"cuda\"\\s*:\\s*\\{[^}]*?\"version\"\\s*:"
            + "\\s*\"([0-9.]+)\"|CUDA Version\\s+([0-9.]+)");
    private static final Pattern CUDNN_DEFINE = Pattern.compile("#define\\s+CUDNN_(MAJOR|MINOR|PATCHLEVEL)\\s+(\\d+)");
    private static final Pattern CUDNN_LIBRARY = Pattern.compile("libcudnn\\.so\\.(\\d+(?:\\.\\d+){0,2})");

    /**
     * The GPU software stack, for the environment's library versions: {@code cuda-driver} (the
     * CUDA version the driver supports, from {@code nvidia-smi}), {@code cuda-toolkit} (from
     * {@code /usr/local/cuda/version.json} or {@code version.txt}) and {@code cudnn} (from
     * {@code cudnn_version.h}, else a {@code libcudnn.so.X.Y.Z} file name). Only what is found;
     * empty on a machine without them. Never throws.
     */
    public static Map<String, String> softwareVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        onPath("nvidia-smi").flatMap(smi -> Processes.run(TIMEOUT, smi.toString()))
                .flatMap(Gpus::parseCudaDriverVersion).ifPresent(v -> out.put("cuda-driver", v));
        for (Path home : CUDA_HOMES) {
            for (String f : List.of("version.json", "version.txt")) {
                read(home.resolve(f)).flatMap(Gpus::parseCudaToolkitVersion)
                        .ifPresent(v -> out.putIfAbsent("cuda-toolkit", v));
            }
        }
        for (Path dir : HEADER_DIRS) {
            read(dir.resolve("cudnn_version.h")).flatMap(Gpus::parseCudnnHeader)
                    .ifPresent(v -> out.putIfAbsent("cudnn", v));
        }
        if (!out.containsKey("cudnn")) {
            for (Path dir : LIBRARY_DIRS) {
                try (var files = Files.list(dir)) {
                    parseCudnnLibraryNames(files.map(f -> f.getFileName().toString()).toList())
                            .ifPresent(v -> out.putIfAbsent("cudnn", v));
                } catch (java.io.IOException | RuntimeException e) {
                    // not there
                }
            }
        }
        return out;
    }

    /** {@code 12.2} from {@code nvidia-smi}'s banner ("CUDA Version: 12.2"). */
    public static Optional<String> parseCudaDriverVersion(String nvidiaSmiOutput) {
        if (nvidiaSmiOutput == null) {
            return Optional.empty();
        }
        Matcher m = CUDA_VERSION.matcher(nvidiaSmiOutput);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The toolkit's version from {@code version.json} ({@code "cuda": {"version": "12.2.1"}}) or {@code version.txt}. */
    public static Optional<String> parseCudaToolkitVersion(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TOOLKIT_VERSION.matcher(text);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    /** {@code 8.9.7} from {@code cudnn_version.h}'s {@code CUDNN_MAJOR}, {@code _MINOR} and {@code _PATCHLEVEL}. */
    public static Optional<String> parseCudnnHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher m = CUDNN_DEFINE.matcher(header);
        while (m.find()) {
            parts.putIfAbsent(m.group(1), m.group(2));
        }
        if (!parts.containsKey("MAJOR") || !parts.containsKey("MINOR")) {
            return Optional.empty();
        }
        return Optional.of(parts.get("MAJOR") + "." + parts.get("MINOR")
                + (parts.containsKey("PATCHLEVEL") ? "." + parts.get("PATCHLEVEL") : ""));
    }

    /** The most precise version among {@code libcudnn.so.X[.Y[.Z]]} file names. */
    public static Optional<String> parseCudnnLibraryNames(List<String> fileNames) {
        return fileNames.stream().map(CUDNN_LIBRARY::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .max(java.util.Comparator.comparingInt((String v) -> v.split("\\.").length)
                        .thenComparing(java.util.Comparator.naturalOrder()));
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Finds an executable on the {@code PATH}.
     *
     * @param name program name
     * @return its path, or empty when not found. Never throws.
     */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (RuntimeException ignored) {
                // malformed PATH entry
            }
        }
        return Optional.empty();
    }
}
