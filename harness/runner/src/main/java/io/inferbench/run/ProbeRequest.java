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
 */
public record ProbeRequest(List<String> info, List<ModelQuery> describe, Conversion conversion, Path replyFile) {
    /** Convert {@code source} with the converter named {@code converter} into {@code target} (must not exist). */
    public record Conversion(String converter, Path source, Path target) {
    }

    public ProbeRequest {
        info = List.copyOf(info);
        describe = List.copyOf(describe);
    }

    static ProbeRequest read(Path file) throws IOException {
        return ResultJson.mapper().readValue(file.toFile(), ProbeRequest.class);
    }

    void write(Path file) throws IOException {
        ResultJson.writeAtomically(file, ResultJson.mapper().writeValueAsBytes(this));
    }
}
