package io.inferbench.run;

import io.inferbench.api.TensorSpec;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.InputFeed;
import io.inferbench.result.ModelInfo;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.SessionInfo;
import io.inferbench.result.TensorInfo;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.InputSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parts of a {@link ConfigurationResult} that come from a prepared configuration, before or without a run. */
public final class ConfigurationResults {
    private ConfigurationResults() {
    }

    /** What {@code pc} is, as its scenario declares it, under its own load profile and settings. */
    public static ConfigurationSetup setup(PreparedConfiguration pc) {
        return setup(pc, pc.spec().load().describe(), pc.spec().settings());
    }

    /**
     * What {@code pc} is, run under another driver than the load generator (JMH).
     *
     * @param load     the load as that driver describes it
     * @param settings the display settings, e.g. with the driver's own keys added
     */
    public static ConfigurationSetup setup(PreparedConfiguration pc, String load, Map<String, String> settings) {
        ConfigurationSpec c = pc.spec();
        return new ConfigurationSetup(c.id(), c.label(), c.axes(), c.backend().name(),
                c.hardware().device().toString(), load, modelInfo(pc), feed(c.inputs()), c.baseline(), settings);
    }

    /** The session preflight expects: the planned inputs and the declared outputs, no backend settings. */
    public static SessionInfo plannedSession(PreparedConfiguration pc) {
        return new SessionInfo(pc.plan() == null ? List.of() : tensors(pc.plan().specs()), tensors(pc.outputs()),
                Map.of());
    }

    /**
     * A configuration that did not complete: what it was, why not, and the measurements of any forks
     * that finished before it failed.
     */
    public static ConfigurationResult notMeasured(PreparedConfiguration pc, ConfigurationStatus status, String reason,
                                                  List<PhaseResult> finishedForks) {
        return ConfigurationResult.notMeasured(setup(pc), plannedSession(pc), status, reason, finishedForks);
    }

    static ModelInfo modelInfo(PreparedConfiguration pc) {
        var m = pc.model();
        return new ModelInfo(pc.spec().model().name(), m.source(), m.path() == null ? "" : m.path().toString(),
                pc.loadFormat().name().toLowerCase(Locale.ROOT), m.sizeBytes(), m.sha256(), pc.conversion(),
                pc.spec().model().source().describe(), pc.optimizations());
    }

    static InputFeed feed(InputSpec in) {
        String source = in.data() != null ? "data:" + in.data().getFileName()
                : in.text() == null ? "random(seed=" + in.seed() + ")" : "text:" + in.text().file().getFileName();
        // The defaults stay unrecorded, so results from before these choices still compare alike.
        String padding = in.text() == null || in.text().padding().fixedShape() ? null : in.text().padding().describe();
        String order = in.order() == io.inferbench.scenario.SampleOrder.CYCLE ? null : in.order().id();
        return new InputFeed(source, in.batchSize(), in.sequenceLength(), in.samples(), in.seed(), padding, order);
    }

    /** Tensors as results record them. */
    public static List<TensorInfo> tensors(List<TensorSpec> specs) {
        return specs.stream().map(t -> new TensorInfo(t.name(), t.dtype().id(),
                Arrays.stream(t.shape()).boxed().toList())).toList();
    }
}
