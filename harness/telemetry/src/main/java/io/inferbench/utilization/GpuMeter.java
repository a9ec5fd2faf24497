package io.inferbench.utilization;

import io.inferbench.env.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs {@code nvidia-smi} once per sample, with a timeout; gives up after a few failures in a row
 * so a broken driver does not cost a process spawn and a timeout every interval.
 */
final class GpuMeter {
    /** Consecutive failures after which the GPU is no longer queried. */
    static final int MAX_FAILURES = 3;

    private final Path smi;
    private final int gpuIndex;
    private final Duration timeout;
    private final Consumer<String> note;
    private int failures;

    GpuMeter(Path smi, int gpuIndex, Duration timeout, Consumer<String> note) {
        this.smi = smi;
        this.gpuIndex = gpuIndex;
        this.timeout = timeout;
        this.note = note;
        if (smi == null) {
            note.accept("GPU: nvidia-smi not found on PATH (no NVIDIA driver)");
        }
    }

    /** The current reading, or empty when there is no GPU, the query failed or was given up. */
    Optional<NvidiaSmi.GpuReading> read() {
        if (smi == null || failures >= MAX_FAILURES) {
            return Optional.empty();
        }
        Optional<String> out = Processes.run(timeout, NvidiaSmi.command(smi, gpuIndex).toArray(String[]::new));
        List<NvidiaSmi.GpuReading> readings = out.map(NvidiaSmi::parse).orElse(List.of());
        if (readings.isEmpty()) {
            failures++;
            if (failures == 1) {
                note.accept("GPU: " + smi + " failed, timed out (" + timeout.toMillis()
                        + " ms) or listed no GPU in some samples (NaN there)");
            }
            if (failures == MAX_FAILURES) {
                note.accept("GPU: " + smi + " failed " + MAX_FAILURES + " times in a row; GPU sampling stopped");
            }
            return Optional.empty();
        }
        failures = 0;
        return Optional.of(NvidiaSmi.combine(readings));
    }
}
