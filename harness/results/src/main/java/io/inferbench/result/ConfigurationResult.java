package io.inferbench.result;

import io.inferbench.api.accuracy.AccuracyMetric;

import java.util.List;
import java.util.Map;

/**
 * One configuration of the matrix and what it measured.
 *
 * @param id          stable id within the run, e.g. {@code c01}
 * @param label       human label built from the matrix axes, e.g. {@code precision=int8 threads=2}
 * @param axes        matrix axis name to the value label chosen for this configuration
 * @param backend     backend provider name
 * @param device      {@code cpu} or {@code gpu:N}
 * @param load        load profile, e.g. {@code single-stream} or {@code concurrency(4)}
 * @param settings    the resolved configuration as a flat map of dotted keys (for tables and diffs)
 * @param model       the model as resolved
 * @param status      how it ended
 * @param error       one-line reason for FAILED or SKIPPED; null when OK
 * @param verdict     VALID or INVALID with reasons; null unless OK
 * @param inputs      model inputs as fed (concrete shapes)
 * @param outputs     model outputs as declared
 * @param sessionProperties effective backend settings reported by the adapter
 * @param loadTimeMs  time to load the model
 * @param warmup      the warmup phase, excluded from the measurement but reported
 * @param measurement the measured phase; null unless OK. With forks, the forks' histograms merged
 * @param forks       each fork's measured phase, in order; empty when run once in-process
 * @param variation   run-to-run variation across forks; null with fewer than two forks
 * @param peak        the peak search and its probes; null for other profiles
 * @param utilization CPU, memory, GPU and energy sampled in the process that ran the backend; null
 *                    when not sampled
 * @param coldStart   model load time, first-inference latency and time to steady state; null unless OK
 * @param accuracy    the scenario's accuracy tasks on this configuration, in task order (accuracy mode,
 *                    after the measurement); empty when the scenario has none
 */
public record ConfigurationResult(String id, String label, Map<String, String> axes, String backend, String device,
                                  String load, Map<String, String> settings, ModelInfo model,
                                  ConfigurationStatus status, String error, Verdict verdict,
                                  List<TensorInfo> inputs, List<TensorInfo> outputs,
                                  Map<String, String> sessionProperties, double loadTimeMs,
                                  PhaseResult warmup, PhaseResult measurement, List<PhaseResult> forks,
                                  ForkVariation variation, PeakSearchResult peak, UtilizationResult utilization,
                                  ColdStart coldStart, List<AccuracyResult> accuracy) {
    public ConfigurationResult {
        accuracy = accuracy == null ? List.of() : List.copyOf(accuracy);
        axes = Ordered.copy(axes);
        settings = Ordered.copy(settings);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        sessionProperties = Ordered.copy(sessionProperties);
        forks = forks == null ? List.of() : List.copyOf(forks);
    }

    /** Without accuracy. */
    public ConfigurationResult(String id, String label, Map<String, String> axes, String backend, String device,
                               String load, Map<String, String> settings, ModelInfo model,
                               ConfigurationStatus status, String error, Verdict verdict,
                               List<TensorInfo> inputs, List<TensorInfo> outputs,
                               Map<String, String> sessionProperties, double loadTimeMs,
                               PhaseResult warmup, PhaseResult measurement, List<PhaseResult> forks,
                               ForkVariation variation, PeakSearchResult peak, UtilizationResult utilization,
                               ColdStart coldStart) {
        this(id, label, axes, backend, device, load, settings, model, status, error, verdict, inputs, outputs,
                sessionProperties, loadTimeMs, warmup, measurement, forks, variation, peak, utilization, coldStart,
                List.of());
    }

    /** This result with these accuracy results. */
    public ConfigurationResult withAccuracy(List<AccuracyResult> results) {
        return new ConfigurationResult(id, label, axes, backend, device, load, settings, model, status, error, verdict,
                inputs, outputs, sessionProperties, loadTimeMs, warmup, measurement, forks, variation, peak,
                utilization, coldStart, results);
    }

    /** The main metric of the first accuracy task that has one, or null. */
    public AccuracyMetric mainAccuracy() {
        return accuracy.isEmpty() ? null : accuracy.get(0).main();
    }

    /** Without utilization and cold start. */
    public ConfigurationResult(String id, String label, Map<String, String> axes, String backend, String device,
                               String load, Map<String, String> settings, ModelInfo model,
                               ConfigurationStatus status, String error, Verdict verdict,
                               List<TensorInfo> inputs, List<TensorInfo> outputs,
                               Map<String, String> sessionProperties, double loadTimeMs,
                               PhaseResult warmup, PhaseResult measurement, List<PhaseResult> forks,
                               ForkVariation variation, PeakSearchResult peak) {
        this(id, label, axes, backend, device, load, settings, model, status, error, verdict, inputs, outputs,
                sessionProperties, loadTimeMs, warmup, measurement, forks, variation, peak, null, null);
    }

    /** A configuration measured once, without forks or peak search. */
    public ConfigurationResult(String id, String label, Map<String, String> axes, String backend, String device,
                               String load, Map<String, String> settings, ModelInfo model,
                               ConfigurationStatus status, String error, Verdict verdict,
                               List<TensorInfo> inputs, List<TensorInfo> outputs,
                               Map<String, String> sessionProperties, double loadTimeMs,
                               PhaseResult warmup, PhaseResult measurement) {
        this(id, label, axes, backend, device, load, settings, model, status, error, verdict, inputs, outputs,
                sessionProperties, loadTimeMs, warmup, measurement, List.of(), null, null, null, null);
    }
}
