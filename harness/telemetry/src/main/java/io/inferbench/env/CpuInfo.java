package io.inferbench.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Pure parsing of Linux {@code /proc/cpuinfo} text. */
public final class CpuInfo {
    /** The CPU flags that matter for inference, in the order they are reported. */
    public static final List<String> INFERENCE_FLAGS = List.of(
            "sse4_2", "avx", "avx2", "fma", "f16c",
            "avx512f", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16",
            "avx_vnni", "amx_tile", "amx_int8", "amx_bf16");

    private CpuInfo() {
    }

    /**
     * The first {@code model name} in the text.
     *
     * @param cpuinfo contents of {@code /proc/cpuinfo}; may be null
     * @return the model name, trimmed; empty when absent or blank
     */
    public static Optional<String> modelName(String cpuinfo) {
        return firstValue(cpuinfo, "model name");
    }

    /**
     * The {@link #INFERENCE_FLAGS} present in the first {@code flags} line, in that fixed order.
     *
     * @param cpuinfo contents of {@code /proc/cpuinfo}; may be null
     * @return the flags present; empty when there is no {@code flags} line
     */
    public static List<String> inferenceFlags(String cpuinfo) {
        Optional<String> flags = firstValue(cpuinfo, "flags");
        if (flags.isEmpty()) {
            return List.of();
        }
        Set<String> present = new HashSet<>(Arrays.asList(flags.get().split("\\s+")));
        List<String> result = new ArrayList<>();
        for (String flag : INFERENCE_FLAGS) {
            if (present.contains(flag)) {
                result.add(flag);
            }
        }
        return List.copyOf(result);
    }

    /** Value of the first {@code key : value} line whose key is {@code key}, if not blank. */
    static Optional<String> firstValue(String text, String key) {
        if (text == null) {
            return Optional.empty();
        }
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                String value = line.substring(colon + 1).trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
