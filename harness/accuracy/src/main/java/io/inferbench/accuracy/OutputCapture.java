package io.inferbench.accuracy;

import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.scenario.AgreementSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Captures a configuration's outputs on its first samples, after its measurement (MLPerf's
 * accuracy mode runs apart from the performance mode): a fresh runner, {@code runAndFetch}, and a
 * file in the run's outputs folder, which the caller passes in. With each sample goes its attention
 * mask, when the model takes one, for the pooled-embedding agreement. Never fails the configuration.
 */
public final class OutputCapture {
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

    /** Captures every output on {@link AgreementSpec#DEFAULT_SAMPLES} samples at most; see {@link #capture(ModelSession, List, Path, AgreementSpec)}. */
    public static String capture(ModelSession session, List<Map<String, Tensor>> samples, Path file) {
        return capture(session, samples, file, AgreementSpec.DEFAULT);
    }

    /**
     * Captures and writes; returns a note when it could not (null on success or when capture is off).
     *
     * @param file where the outputs go ({@link #file}); null when capture is off
     * @param spec how many samples and which outputs ({@code accuracy.agreement})
     */
    public static String capture(ModelSession session, List<Map<String, Tensor>> samples, Path file,
                                 AgreementSpec spec) {
        if (file == null || session.outputs().isEmpty()) {
            return null;
        }
        try (Runner runner = session.newRunner()) {
            List<Map<String, Tensor>> fetched = new ArrayList<>();
            List<Tensor> masks = new ArrayList<>();
            for (int i = 0; i < spec.samplesOf(samples.size()); i++) {
                Map<String, Tensor> kept = new LinkedHashMap<>();
                runner.runAndFetch(runner.prepare(samples.get(i))).forEach((name, t) -> {
                    if (spec.includes(name)) {
                        kept.put(name, t);
                    }
                });
                if (kept.isEmpty()) {
                    return "outputs not captured: the model has none of accuracy.agreement.outputs " + spec.outputs();
                }
                fetched.add(kept);
                masks.add(attentionMask(samples.get(i)));
            }
            CapturedOutputs.of(fetched, masks).write(file);
            return null;
        } catch (Exception | Error e) {
            return "outputs not captured: " + e;
        }
    }

    /**
     * The sample's attention mask: the {@code [batch, seq]} input named {@code attention_mask} (as
     * Hugging Face exports name it), else the only 2-D input whose name contains {@code mask}; null
     * when there is none.
     */
    static Tensor attentionMask(Map<String, Tensor> sample) {
        Tensor byName = null;
        List<Tensor> likely = new ArrayList<>();
        for (var e : sample.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (e.getValue().shape().length != 2) {
                continue;
            }
            if (name.equals("attention_mask")) {
                byName = e.getValue();
            } else if (name.contains("mask")) {
                likely.add(e.getValue());
            }
        }
        return byName != null ? byName : likely.size() == 1 ? likely.get(0) : null;
    }
}
