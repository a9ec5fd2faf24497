package io.inferbench.run;

import io.inferbench.api.BackendInfo;
import io.inferbench.api.optimize.ActivationRange;
import io.inferbench.api.optimize.GraphOptimizer;
import io.inferbench.result.ResultJson;
import io.inferbench.run.backends.BackendProbe.ModelQuery;
import io.inferbench.run.backends.BackendProbe.ModelShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A probe child's answers to a {@link ProbeRequest}.
 *
 * @param info       each requested backend's info
 * @param described  each requested model's shape, in request order
 * @param conversion what the conversion did, or null (none asked, or it failed: see {@code conversionError})
 * @param conversionError       why the conversion failed, or null
 * @param conversionUnsupported true when it failed because the model uses operators the converter lacks
 * @param calibrated  what the calibration runs observed, or null
 * @param graphOptimized what the graph optimization did, or null
 * @param failure     why the calibration or graph optimization failed, or null
 */
public record ProbeReply(Map<String, BackendInfo> info, List<Described> described, Converted conversion,
                         String conversionError, boolean conversionUnsupported, Calibrated calibrated,
                         GraphOptimizer.Optimized graphOptimized, String failure) {
    /** The calibration's runs and each output's observed range. */
    public record Calibrated(int runs, Map<String, ActivationRange.Snapshot> ranges) {
        public Calibrated {
            ranges = Map.copyOf(ranges);
        }
    }

    public ProbeReply(Map<String, BackendInfo> info, List<Described> described, Converted conversion,
                      String conversionError, boolean conversionUnsupported) {
        this(info, described, conversion, conversionError, conversionUnsupported, null, null, null);
    }

    /** This reply with a task's outcome. */
    ProbeReply with(Calibrated c, GraphOptimizer.Optimized g, String why) {
        return new ProbeReply(info, described, conversion, conversionError, conversionUnsupported, c, g, why);
    }

    /** One model's answer. */
    public record Described(ModelQuery query, ModelShape shape) {
    }

    /** A finished conversion: where, and what the converter said about it. */
    public record Converted(Path target, List<String> operators, List<String> notes) {
        public Converted {
            operators = List.copyOf(operators);
            notes = List.copyOf(notes);
        }
    }

    public ProbeReply {
        info = Map.copyOf(info);
        described = List.copyOf(described);
    }

    static ProbeReply read(Path file) throws IOException {
        return ResultJson.mapper().readValue(file.toFile(), ProbeReply.class);
    }

    void write(Path file) throws IOException {
        ResultJson.writeAtomically(file, ResultJson.mapper().writeValueAsBytes(this));
    }
}
