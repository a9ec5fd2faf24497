package io.inferbench.accuracy.tasks;

import java.io.IOException;
import io.inferbench.api.accuracy.EvaluationContext;
import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.accuracy.LogisticRegression;
import io.inferbench.accuracy.Metrics;
import io.inferbench.accuracy.Tensors;
import io.inferbench.api.DType;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.input.TextEncoder;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.api.accuracy.AccuracyTaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MTEB-style classification probe of a text encoder: embed labelled texts (tokenized with the
 * model's own tokenizer, last_hidden_state mean-pooled over the attention mask), fit an
 * L2-regularised logistic regression on a seeded train split, and report test accuracy with a
 * Wilson interval. A better encoder separates the classes better; a quantized one that lost
 * information shows it here.
 */
public final class EmbeddingProbeEvaluator implements Evaluator {
    static final String IDS = "input_ids";
    static final String MASK = "attention_mask";
    static final String TYPES = "token_type_ids";

    @Override
    public String name() {
        return "embedding-probe";
    }

    @Override
    public String description() {
        return "text encoder: logistic regression on mean-pooled embeddings of labelled texts (label<TAB>text); "
                + "test accuracy";
    }

    @Override
    public boolean needsDataset() {
        return true;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.numberBelow("test-fraction", 0.5, 0.01, 1,
                        "share of the items held out for testing (0.01-0.99)"),
                OptionSpec.number("l2", 1.0, 1e-9, "L2 penalty of the logistic regression (1/C in scikit-learn)"),
                OptionSpec.integer("sequence-length", 128L, 2, "tokens per text at most (longer texts are cut)"));
    }

    @Override
    public void checkDataset(AccuracyTaskSpec task) throws IOException {
        LabelledTexts.read(task.dataset());
    }

    @Override
    public String unsuitable(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        for (TensorSpec in : inputs) {
            if (!List.of(IDS, MASK, TYPES).contains(in.name())) {
                return "not a text encoder: input '" + in.name() + "' is none of " + IDS + ", " + MASK + ", " + TYPES;
            }
        }
        if (Tensors.named(inputs, IDS).isEmpty() || Tensors.named(inputs, MASK).isEmpty()) {
            return "not a text encoder: needs inputs " + IDS + " and " + MASK;
        }
        return hiddenState(outputs) == null ? "no [batch, sequence, hidden] output to pool" : null;
    }

    /** last_hidden_state, or the first rank-3 output. */
    static TensorSpec hiddenState(List<TensorSpec> outputs) {
        return Tensors.named(outputs, "last_hidden_state")
                .orElse(outputs.stream().filter(o -> o.rank() == 3).findFirst().orElse(null));
    }

    @Override
    public List<AccuracyMetric> evaluate(EvaluationContext ctx) throws Exception {
        AccuracyTaskSpec task = ctx.task();
        double testFraction = task.number("test-fraction");
        if (testFraction >= 1) {
            throw new IllegalArgumentException("test-fraction must be below 1, got " + testFraction);
        }
        LabelledTexts data = LabelledTexts.read(task.dataset());
        Path tokenizer = ctx.tokenizer().or(() -> ctx.companion("tokenizer.json")).orElseThrow(() ->
                new IllegalArgumentException("no tokenizer.json for this model (set inputs.text.tokenizer)"));
        List<Integer> chosen = Splits.choose(data.size(), task.samples(), task.seed());
        int nTest = (int) Math.round(chosen.size() * testFraction);
        int nTrain = chosen.size() - nTest;
        if (nTrain < 2 || nTest < 1) {
            throw new IllegalArgumentException("too few items for a train/test split: " + chosen.size());
        }
        List<String> texts = chosen.stream().map(data.texts()::get).toList();
        double[][] embeddings = embed(ctx, tokenizer, texts, (int) task.integer("sequence-length"));
        int[] labels = chosen.stream().mapToInt(i -> data.labels()[i]).toArray();
        double[][] trainX = java.util.Arrays.copyOfRange(embeddings, 0, nTrain);
        int[] trainY = java.util.Arrays.copyOfRange(labels, 0, nTrain);
        int classesSeen = (int) java.util.Arrays.stream(trainY).distinct().count();
        if (classesSeen < 2) {
            throw new IllegalArgumentException("the train split holds one class only; use more samples");
        }
        LogisticRegression model = LogisticRegression.fit(trainX, trainY, data.classes().size(), task.number("l2"));
        boolean[] correct = new boolean[nTest];
        for (int i = 0; i < nTest; i++) {
            correct[i] = model.predict(embeddings[nTrain + i]) == labels[nTrain + i];
        }
        String notes = "logistic regression (L2 " + task.number("l2") + ") on mean-pooled " + hiddenState(ctx.outputs())
                .name() + "; " + nTrain + " train / " + nTest + " test items; " + data.classes().size() + " classes "
                + data.classes();
        return List.of(Metrics.proportion("accuracy", correct, ctx.confidence(), notes));
    }

    /** Sentence embeddings: mean of the hidden states over real (unmasked) tokens. */
    static double[][] embed(EvaluationContext ctx, Path tokenizer, List<String> texts, int maxTokens)
            throws Exception {
        TensorSpec out = hiddenState(ctx.outputs());
        int batch = ctx.task().batchSize();
        double[][] result = new double[texts.size()][];
        try (TextEncoder encoder = TextEncoder.open(tokenizer, maxTokens)) {
            for (int from = 0; from < texts.size(); from += batch) {
                int to = Math.min(texts.size(), from + batch);
                List<TextEncoder.Encoded> enc = new ArrayList<>();
                int width = 1;
                for (int i = from; i < to; i++) {
                    TextEncoder.Encoded e = encoder.encode(texts.get(i));
                    enc.add(e);
                    width = Math.max(width, (int) java.util.Arrays.stream(e.attentionMask()).sum());
                }
                // Padding beyond the longest text of the batch changes nothing under the mask: cut it.
                Map<String, Tensor> inputs = new LinkedHashMap<>();
                for (TensorSpec in : ctx.inputs()) {
                    inputs.put(in.name(), column(in, enc, width));
                }
                Tensor hidden = ctx.infer(inputs).get(out.name());
                if (hidden == null || hidden.shape().length != 3 || hidden.shape()[0] != enc.size()
                        || hidden.shape()[1] != width) {
                    throw new IllegalStateException("output " + out.name() + " has shape "
                            + (hidden == null ? "none" : java.util.Arrays.toString(hidden.shape())) + ", expected ["
                            + enc.size() + ", " + width + ", hidden]");
                }
                float[] h = hidden.toFloatArray();
                int dim = (int) hidden.shape()[2];
                for (int b = 0; b < enc.size(); b++) {
                    double[] pooled = new double[dim];
                    long[] mask = enc.get(b).attentionMask();
                    int count = 0;
                    for (int t = 0; t < width; t++) {
                        if (mask[t] == 0) {
                            continue;
                        }
                        count++;
                        int base = (b * width + t) * dim;
                        for (int k = 0; k < dim; k++) {
                            pooled[k] += h[base + k];
                        }
                    }
                    for (int k = 0; k < dim; k++) {
                        pooled[k] /= Math.max(1, count);
                    }
                    result[from + b] = pooled;
                }
                if ((from / batch) % 10 == 9) {
                    ctx.progress("embedded " + to + "/" + texts.size());
                }
            }
        }
        return result;
    }

    private static Tensor column(TensorSpec in, List<TextEncoder.Encoded> enc, int width) {
        long[] values = new long[enc.size() * width];
        for (int b = 0; b < enc.size(); b++) {
            TextEncoder.Encoded e = enc.get(b);
            long[] src = switch (in.name()) {
                case IDS -> e.ids();
                case MASK -> e.attentionMask();
                default -> e.typeIds();
            };
            System.arraycopy(src, 0, values, b * width, width);
        }
        DType dtype = in.dtype() == DType.INT32 ? DType.INT32 : DType.INT64;
        return Tensors.integers(dtype, new long[] {enc.size(), width}, values);
    }
}
