package io.inferbench.synthetic;

import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import java.util.List;
import java.util.Map;

/**
 * {@code backend: { name: synthetic, options: { latency-ms: 2, distribution: uniform, jitter-ms: 1 } }}.
 * Each query takes a latency drawn from the chosen distribution (seeded), by sleeping for the bulk
 * and spinning for the last stretch so short latencies stay accurate.
 */
public final class SyntheticBackendProvider implements BackendProvider {
    public static final String NAME = "synthetic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.NONE);
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.number("latency-ms", 1.0, 0, "mean service time of one query, in milliseconds"),
                OptionSpec.choice("distribution", "fixed", List.of("fixed", "uniform"),
                        "fixed: always latency-ms; uniform: latency-ms ± jitter-ms"),
                OptionSpec.number("jitter-ms", 0.0, 0, "half-width of the uniform distribution, in milliseconds"),
                OptionSpec.number("failure-rate", 0.0, 0, "fraction of queries that throw (0..1)"),
                OptionSpec.integer("seed", 1L, Long.MIN_VALUE, "seed of the latency sequence"));
    }

    @Override
    public BackendInfo info() {
        return new BackendInfo(NAME, "Synthetic (null SUT)", "builtin", Map.of(),
                List.of(new DeviceInfo(Device.CPU, "simulated", true, "")), List.of(), List.of());
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws DeviceUnavailableException {
        if (request.device().kind() == Device.Kind.GPU) {
            throw new DeviceUnavailableException("the synthetic backend simulates a CPU only");
        }
        double failureRate = request.doubleOption("failure-rate", 0);
        if (failureRate > 1) {
            throw new IllegalArgumentException("failure-rate must be between 0 and 1, got " + failureRate);
        }
        LatencyModel model = new LatencyModel(request.stringOption("distribution", "fixed"),
                request.doubleOption("latency-ms", 1), request.doubleOption("jitter-ms", 0), failureRate);
        return new SyntheticSession(model, request.longOption("seed", 1));
    }
}
