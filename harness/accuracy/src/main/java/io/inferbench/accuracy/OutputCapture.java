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
 * file in the run's outputs folder, which the caller passes in. Never fails the configuration.
 */
public final class OutputCapture {
    /** Samples captured: enough for stable agreement figures, small enough to keep beside results. */
    public static final int SAMPLES = 8;

    private OutputCapture() {
    }

    /**
     * Where a configuration's outputs go in a run's outputs folder.
     *
     * @param dir the outputs folder, or null when capture is off
     * @return the file, or null when {@code dir} is
     */
    public static Path file(Path dir, String configurationId) {
        return dir == null ? null : dir.resolve(configurationId + ".bin");
    }

    /**
     * Captures and writes; returns a note when it could not (null on success or when capture is off).
     *
     * @param file where the outputs go ({@link #file}); null when capture is off
     */
    public static String capture(ModelSession session, List<Map<String, Tensor>> samples, Path file) {
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
