package io.inferbench.accuracy;

import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Captures a configuration's outputs on its first samples, after its measurement (MLPerf's
 * accuracy mode runs apart from the performance mode): a fresh runner, {@code runAndFetch}, and a
 * file under the folder named by {@code -Dinferbench.outputs.dir}. Never fails the configuration.
 */
public final class OutputCapture {
    public static final String DIR_PROPERTY = "inferbench.outputs.dir";
    /** Samples captured: enough for stable agreement figures, small enough to keep beside results. */
    public static final int SAMPLES = 8;

    private OutputCapture() {
    }

    /** Where a configuration's outputs go, or null when capture is off. */
    public static Path file(String configurationId) {
        String dir = System.getProperty(DIR_PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir, configurationId + ".bin");
    }

    /** Captures and writes; returns a note when it could not (null on success or when capture is off). */
    public static String capture(ModelSession session, List<Map<String, Tensor>> samples, String configurationId) {
        Path file = file(configurationId);
        if (file == null || session.outputs().isEmpty()) {
            return null;
        }
        try (Runner runner = session.newRunner()) {
            List<Map<String, Tensor>> fetched = new ArrayList<>();
            for (int i = 0; i < Math.min(SAMPLES, samples.size()); i++) {
                fetched.add(runner.runAndFetch(runner.prepare(samples.get(i))));
            }
            CapturedOutputs.of(fetched).write(file);
            return null;
        } catch (Exception | Error e) {
            return "outputs not captured: " + e;
        }
    }
}
