package io.inferbench.adapter.support;

import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} files say about the machine, read without loading any native library:
 * the CPU for {@code BackendProvider.info()}, and any {@code key : value} line (GPU models, CPU flags).
 * Elsewhere the files are missing and the answers fall back.
 */
public final class ProcInfo {
    public static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private ProcInfo() {
    }

    /** The CPU, e.g. {@code Intel(R) Xeon(R) Processor, 8 logical CPUs}; always available. */
    public static DeviceInfo cpu() {
        String model = firstValue(CPU_INFO, "model name").orElse(System.getProperty("os.arch") + " CPU");
        return new DeviceInfo(Device.CPU, model + ", " + Runtime.getRuntime().availableProcessors()
                + " logical CPUs", true, "");
    }

    /** The value of the first {@code key : value} line whose key is exactly {@code key}; empty if none. */
    public static Optional<String> firstValue(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key))
                    .map(l -> l.split(":", 2))
                    .filter(kv -> kv.length == 2 && kv[0].strip().equals(key) && !kv[1].isBlank())
                    .map(kv -> kv[1].strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
