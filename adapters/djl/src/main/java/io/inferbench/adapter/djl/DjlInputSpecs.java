package io.inferbench.adapter.djl;

import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the {@code input-specs} option: {@code name:dtype[d0,d1,...];...}, {@code -1} for a
 * dynamic dimension. A TorchScript file does not declare its inputs' types or shapes, so a scenario
 * states them for the harness to generate inputs.
 */
final class DjlInputSpecs {
    private static final Pattern ONE = Pattern.compile("\\s*([A-Za-z_][\\w.:-]*?)\\s*:\\s*(\\w+)\\s*\\[([-\\d,\\s]*)]\\s*");

    private DjlInputSpecs() {
    }

    /** @throws IllegalArgumentException naming the first malformed entry */
    static List<TensorSpec> parse(String text) {
        List<TensorSpec> specs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return specs;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            Matcher m = ONE.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException(DjlOptions.INPUT_SPECS.name() + " entry '" + entry.strip()
                        + "' is not name:dtype[dims], e.g. x:float32[-1,3,48,192]");
            }
            DType dtype = DType.parse(m.group(2));
            if (dtype == null || dtype == DType.STRING) {
                throw new IllegalArgumentException(DjlOptions.INPUT_SPECS.name() + " entry '" + entry.strip()
                        + "' has unknown element type '" + m.group(2) + "'");
            }
            String dims = m.group(3).strip();
            long[] shape = dims.isEmpty() ? new long[0]
                    : java.util.Arrays.stream(dims.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
            for (long d : shape) {
                if (d < -1) {
                    throw new IllegalArgumentException(DjlOptions.INPUT_SPECS.name() + " entry '" + entry.strip()
                            + "' has dimension " + d + " (use -1 for a dynamic one)");
                }
            }
            specs.add(new TensorSpec(m.group(1), dtype, shape));
        }
        return specs;
    }

    static String format(List<TensorSpec> specs) {
        return String.join(";", specs.stream().map(s -> s.name() + ":" + s.dtype().id()
                + java.util.Arrays.toString(s.shape()).replace(" ", "")).toList());
    }
}
