package io.inferbench.adapter.djl;

import ai.djl.engine.Engine;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The devices a DJL engine sees, and what a GPU needs when it sees none. */
final class DjlDevices {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private DjlDevices() {
    }

    /** The CPU, e.g. {@code Intel(R) Xeon(R) Processor, 8 logical CPUs}. */
    static DeviceInfo cpu() {
        String model = cpuModel().orElse(System.getProperty("os.arch") + " CPU");
        return new DeviceInfo(Device.CPU, model + ", " + Runtime.getRuntime().availableProcessors()
                + " logical CPUs", true, "");
    }

    /** GPUs the loaded engine can use (DJL asks CUDA through the engine), numbered as DJL numbers them. */
    static List<DeviceInfo> gpus(Engine engine) {
        List<DeviceInfo> gpus = new ArrayList<>();
        int count = engine.getGpuCount();
        for (int i = 0; i < count; i++) {
            gpus.add(new DeviceInfo(Device.gpu(i), "CUDA device " + i, true, ""));
        }
        return gpus;
    }

    /** What this build lacks for a GPU, appended to "sees no CUDA GPU". */
    static String gpuHint(DjlEngine engine) {
        return switch (engine) {
            case ONNXRUNTIME -> "; GPU needs the adapter built with the `gpu` Maven profile (onnxruntime_gpu), CUDA"
                    + " and cuDNN";
            case TENSORFLOW -> "; GPU needs the adapter built with the `gpu` Maven profile (tensorflow-core-native"
                    + " 1.0.0-rc.1 linux-x86_64-gpu) and CUDA";
            case PYTORCH -> "; GPU needs a CUDA build of libtorch 2.7.1 (cu128; not on Maven Central) named by"
                    + " PYTORCH_LIBRARY_PATH, with PYTORCH_FLAVOR=cu128";
        };
    }

    private static Optional<String> cpuModel() {
        try (Stream<String> lines = Files.lines(CPU_INFO)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.split(":", 2))
                    .filter(kv -> kv.length == 2 && !kv[1].isBlank())
                    .map(kv -> kv[1].strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
