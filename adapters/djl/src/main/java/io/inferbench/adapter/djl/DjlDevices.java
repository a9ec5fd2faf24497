package io.inferbench.adapter.djl;

import ai.djl.engine.Engine;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;

import java.util.ArrayList;
import java.util.List;

/** The GPUs a DJL engine sees, and what a GPU needs when it sees none; the CPU is {@code ProcInfo.cpu()}. */
final class DjlDevices {
    private DjlDevices() {
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
}
