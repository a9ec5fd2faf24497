package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.ProcInfo;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Describes the GPUs TensorFlow sees, for {@code BackendProvider.info()}, and its oneDNN default on this CPU. */
final class TfDevices {
    /**
     * CPU features for which TensorFlow 2.x on Linux turns its oneDNN optimisations on when
     * {@code TF_ENABLE_ONEDNN_OPTS} is not set ({@code IsMKLEnabled} in tensorflow/core/util/util.cc).
     */
    private static final Set<String> ONEDNN_DEFAULT_FLAGS = Set.of(
            "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile", "amx_int8", "amx_bf16");

    private TfDevices() {
    }

    /** The GPUs TensorFlow listed, as {@code gpu:0}, {@code gpu:1}... in its order. */
    static List<DeviceInfo> gpus(TfRuntime runtime) {
        List<DeviceInfo> gpus = new ArrayList<>();
        for (TfRuntime.TfDevice d : runtime.gpus()) {
            String memory = d.memoryBytes() > 0 ? String.format(Locale.ROOT, ", %.1f GB", d.memoryBytes() / 1e9) : "";
            gpus.add(new DeviceInfo(Device.gpu(gpus.size()), d.name() + memory, true, ""));
        }
        return gpus;
    }

    /**
     * Whether TensorFlow enables oneDNN by default on this CPU (Linux x86 with one of the features
     * above). Elsewhere TensorFlow's default is off.
     */
    static boolean oneDnnDefault() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("nux")) {
            return false;
        }
        Optional<String> flags = ProcInfo.firstValue(ProcInfo.CPU_INFO, "flags");
        return flags.map(f -> Stream.of(f.split("\\s+")).anyMatch(ONEDNN_DEFAULT_FLAGS::contains)).orElse(false);
    }
}
