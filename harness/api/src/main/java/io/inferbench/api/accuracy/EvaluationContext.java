package io.inferbench.api.accuracy;

import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an {@link Evaluator} gets: its task, the loaded model, and a way to run it. Not thread-safe. */
public interface EvaluationContext {
    /** The task as declared in the scenario (dataset, samples, seed, batch size, options). */
    AccuracyTaskSpec task();

    /** The model's inputs as it declares them. */
    List<TensorSpec> inputs();

    /** The model's outputs as it declares them. */
    List<TensorSpec> outputs();

    /**
     * Runs the model once on a batch the evaluator built (one tensor per input, batch first) and
     * returns every output in host memory. Blocking, untimed.
     */
    Map<String, Tensor> infer(Map<String, Tensor> inputs) throws Exception;

    /** The tokenizer of the configuration's text inputs ({@code tokenizer.json}), if it has one. */
    Optional<Path> tokenizer();

    /**
     * A file shipped with the model, e.g. {@code ppocr_keys_v1.txt}: an entry of the model's Maven jar
     * ending with {@code fileName}, or a file of that name beside a local model.
     */
    Optional<Path> companion(String fileName);

    /** Confidence level intervals should have, e.g. 0.95. */
    double confidence();

    /** Reports progress in a few words (shown on the console), e.g. {@code embedded 128/600}. */
    void progress(String what);
}
