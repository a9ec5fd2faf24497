package io.inferbench.adapter.onnxruntime;

import io.inferbench.adapter.support.ProcInfo;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Describes NVIDIA GPUs for {@code BackendProvider.info()}, from what the OS exposes without loading
 * any GPU library ({@code /proc/driver/nvidia/gpus}); the CPU is {@link ProcInfo#cpu()}.
 */
final class OrtDevices {
    private static final Path NVIDIA_GPUS = Path.of("/proc/driver/nvidia/gpus");

    private OrtDevices() {
    }

    /**
     * NVIDIA GPUs the driver reports, numbered in PCI bus order (CUDA's order unless
     * {@code CUDA_DEVICE_ORDER} says otherwise). When the driver's /proc entries are missing (some
     * containers, WSL) one unverified {@code gpu:0} is listed, since CUDA may still find it.
     */
    static List<DeviceInfo> nvidiaGpus() {
        List<DeviceInfo> gpus = new ArrayList<>();
        if (Files.isDirectory(NVIDIA_GPUS)) {
            try (Stream<Path> buses = Files.list(NVIDIA_GPUS)) {
                for (Path bus : buses.sorted().toList()) {
                    String name = ProcInfo.firstValue(bus.resolve("information"), "Model").orElse("NVIDIA GPU");
                    String description = name + " (PCI " + bus.getFileName() + ")";
                    gpus.add(new DeviceInfo(Device.gpu(gpus.size()), description, true, ""));
                }
            } catch (IOException | RuntimeException e) {
                // fall through to the unverified entry
            }
        }
        if (gpus.isEmpty()) {
            gpus.add(new DeviceInfo(Device.gpu(0), "CUDA device", false,
                    "no NVIDIA GPU listed in " + NVIDIA_GPUS + "; opening a model on gpu:0 will still try CUDA"));
        }
        return gpus;
    }
}
