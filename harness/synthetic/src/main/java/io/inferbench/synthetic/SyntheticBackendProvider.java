package io.inferbench.synthetic;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code backend: { name: synthetic, options: { latency-ms: 2, distribution: lognormal, sigma: 0.5 } }}.
 * Each query takes a latency drawn from the chosen distribution (seeded, one stream per runner):
 * <ul>
 *   <li>{@code fixed}: always {@code latency-ms};</li>
 *   <li>{@code uniform}: {@code latency-ms ± jitter-ms};</li>
 *   <li>{@code lognormal}: median {@code latency-ms}, log standard deviation {@code sigma};</li>
 *   <li>{@code bimodal}: {@code latency-ms}, or {@code second-latency-ms} with probability
 *       {@code second-probability}, each {@code ± jitter-ms}.</li>
 * </ul>
 * With {@code stall-every-ms} and {@code stall-ms}, the whole backend also stalls periodically, as
 * in a GC pause, in windows every runner shares (see {@link StallSchedule}). Latencies are waited
 * out by parking for the bulk and spinning for the last stretch.
 */
public final class SyntheticBackendProvider implements BackendProvider {
    public static final String NAME = "synthetic";
    /** Longest simulated latency or stall, in milliseconds: an hour (longer is a typo that would hang a run). */
    public static final double MAX_MS = 3_600_000;
    private static final List<String> DISTRIBUTIONS = Arrays.stream(LatencyModel.Distribution.values())
            .map(LatencyModel.Distribution::option).toList();

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
                OptionSpec.number("latency-ms", 1.0, 0, MAX_MS, "service time of one query in milliseconds: fixed: always; "
                        + "uniform: the mean; lognormal: the median; bimodal: the first mode"),
                OptionSpec.choice("distribution", "fixed", DISTRIBUTIONS,
                        "fixed: always latency-ms; uniform: latency-ms ± jitter-ms; lognormal: median latency-ms, "
                                + "spread sigma; bimodal: latency-ms or second-latency-ms, each ± jitter-ms"),
                OptionSpec.number("jitter-ms", 0.0, 0, MAX_MS,
                        "uniform and bimodal: half-width of the uniform spread, in milliseconds (at most latency-ms, and "
                                + "second-latency-ms for bimodal)"),
                OptionSpec.number("sigma", 0.5, 0, 10, "lognormal: standard deviation of the latency's natural log "
                        + "(0.5 puts p90 at 1.9 times the median)"),
                OptionSpec.number("second-latency-ms", 10.0, 0, MAX_MS, "bimodal: the second (slow) mode, in milliseconds"),
                OptionSpec.number("second-probability", 0.1, 0, 1,
                        "bimodal: fraction of queries in the second mode (0..1)"),
                OptionSpec.number("stall-every-ms", 0.0, 0, MAX_MS, "period of global stalls (like GC pauses), in "
                        + "milliseconds from when the session opens; 0: no stalls"),
                OptionSpec.number("stall-ms", 0.0, 0, MAX_MS, "length of each stall, in milliseconds, shorter than "
                        + "stall-every-ms; queries are held until it ends"),
                OptionSpec.number("failure-rate", 0.0, 0, 1, "fraction of queries that throw (0..1)"),
                OptionSpec.integer("seed", 1L, Long.MIN_VALUE, "seed of the latency sequence"));
    }

    @Override
    public BackendInfo info() {
        return new BackendInfo(NAME, "Synthetic (null SUT)", "builtin", Map.of(),
                List.of(new DeviceInfo(Device.CPU, "simulated", true, "")), List.of(), List.of());
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws BackendException {
        if (request.device().kind() == Device.Kind.GPU) {
            throw new DeviceUnavailableException("the synthetic backend simulates a CPU only");
        }
        LatencyModel model;
        StallSchedule stalls;
        try {
            model = new LatencyModel(LatencyModel.Distribution.parse(request.stringOption("distribution", "fixed")),
                    request.doubleOption("latency-ms", 1), request.doubleOption("jitter-ms", 0),
                    request.doubleOption("sigma", 0.5), request.doubleOption("second-latency-ms", 10),
                    request.doubleOption("second-probability", 0.1), request.doubleOption("failure-rate", 0));
            stalls = StallSchedule.ofMillis(request.doubleOption("stall-every-ms", 0),
                    request.doubleOption("stall-ms", 0));
        } catch (IllegalArgumentException e) {
            throw new BackendException("synthetic backend: " + e.getMessage(), e);
        }
        return new SyntheticSession(model, stalls, request.longOption("seed", 1), SyntheticClock.SYSTEM);
    }
}
