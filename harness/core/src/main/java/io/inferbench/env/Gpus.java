package io.inferbench.env;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** GPUs as reported by {@code nvidia-smi}, when it is installed. */
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
