package io.inferbench.utilization;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a {@link UtilizationSampler} reads from. The roots are injectable so tests can point the
 * sampler at fixtures or at nothing at all.
 *
 * @param procRoot     the proc file system, normally {@code /proc} ({@code self/stat},
 *                     {@code self/status} and {@code stat} are read under it)
 * @param powercapRoot the powercap class directory, normally {@code /sys/class/powercap}
 * @param nvidiaSmi    the {@code nvidia-smi} executable, or null for no GPU sampling
 * @param gpuIndex     the GPU to sample (the configuration's {@code gpu:N}), or -1 for all GPUs
 * @param gpuTimeout   how long one {@code nvidia-smi} query may take
 */
public record SamplerSources(Path procRoot, Path powercapRoot, Path nvidiaSmi, int gpuIndex, Duration gpuTimeout) {
    /** Default for {@link #gpuTimeout}: nvidia-smi usually answers in well under a second. */
    public static final Duration DEFAULT_GPU_TIMEOUT = Duration.ofSeconds(2);

    public SamplerSources {
        if (procRoot == null) {
            throw new IllegalArgumentException("procRoot: must not be null");
        }
        if (powercapRoot == null) {
            throw new IllegalArgumentException("powercapRoot: must not be null");
        }
        if (gpuTimeout == null || gpuTimeout.isNegative() || gpuTimeout.isZero()) {
            throw new IllegalArgumentException("gpuTimeout: must be positive, was " + gpuTimeout);
        }
    }

    /** This machine: {@code /proc}, {@code /sys/class/powercap}, {@code nvidia-smi} if on the PATH, all GPUs. */
    public static SamplerSources system() {
        return new SamplerSources(Path.of("/proc"), Path.of("/sys/class/powercap"),
                onPath("nvidia-smi").orElse(null), -1, DEFAULT_GPU_TIMEOUT);
    }

    /** The same sources, sampling only GPU {@code index}. */
    public SamplerSources withGpu(int index) {
        return new SamplerSources(procRoot, powercapRoot, nvidiaSmi, index, gpuTimeout);
    }

    /** The same sources under other roots (tests). */
    public SamplerSources withRoots(Path proc, Path powercap) {
        return new SamplerSources(proc, powercap, nvidiaSmi, gpuIndex, gpuTimeout);
    }

    /** The same sources with another (or no) {@code nvidia-smi}. */
    public SamplerSources withNvidiaSmi(Path smi) {
        return new SamplerSources(procRoot, powercapRoot, smi, gpuIndex, gpuTimeout);
    }

    /** Finds an executable on the PATH, once, when the sampler is set up (never per sample). */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue; // "current directory": not a place to pick up a GPU tool from
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (RuntimeException ignored) {
                // a malformed PATH entry
            }
        }
        return Optional.empty();
    }
}
