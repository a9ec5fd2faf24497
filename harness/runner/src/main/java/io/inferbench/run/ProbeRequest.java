package io.inferbench.run;

import io.inferbench.result.ResultJson;
import io.inferbench.run.backends.BackendProbe.ModelQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a probe child JVM ({@link ProbeMain}) is asked: the info of some backends, the inputs and
 * outputs of some models, and at most one conversion. Written as JSON and passed by path.
 *
 * @param info       backends whose {@link io.inferbench.api.BackendInfo} to read
 * @param describe   models to open on the CPU
 * @param conversion a conversion to perform, or null
 * @param replyFile  where the child writes its {@link ProbeReply}
 * @param calibration static int8's calibration runs to perform, or null
 * @param graphOptimization a runtime's graph optimization to save, or null
 */
public record ProbeRequest(List<String> info, List<ModelQuery> describe, Conversion conversion, Path replyFile,
                           Calibration calibration, GraphOptimization graphOptimization) {
    /** Convert {@code source} with the converter named {@code converter} into {@code target} (must not exist). */
    public record Conversion(String converter, Path source, Path target) {
    }

    /** Run {@code model} with {@code backend} on the {@link CalibrationSamples} in {@code samples}; observe {@code outputs}. */
    public record Calibration(String backend, Path model, Path samples, List<String> outputs) {
        public Calibration {
            outputs = List.copyOf(outputs);
        }
    }

    /** Save {@code source} optimized at {@code level} to {@code target} with the installed GraphOptimizer. */
    public record GraphOptimization(Path source, Path target, String level) {
    }

    public ProbeRequest {
        info = List.copyOf(info);
        describe = List.copyOf(describe);
    }

    public ProbeRequest(List<String> info, List<ModelQuery> describe, Conversion conversion, Path replyFile) {
        this(info, describe, conversion, replyFile, null, null);
    }

    /** This request answered into {@code file}. */
    ProbeRequest replyingTo(Path file) {
        return new ProbeRequest(info, describe, conversion, file, calibration, graphOptimization);
    }

    static ProbeRequest read(Path file) throws IOException {
        return ResultJson.mapper().readValue(file.toFile(), ProbeRequest.class);
    }

    void write(Path file) throws IOException {
        ResultJson.writeAtomically(file, ResultJson.mapper().writeValueAsBytes(this));
    }
}
