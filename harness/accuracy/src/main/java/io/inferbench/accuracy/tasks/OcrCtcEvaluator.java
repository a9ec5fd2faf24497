package io.inferbench.accuracy.tasks;

import io.inferbench.api.accuracy.AccuracyTaskSpec;
import io.inferbench.api.accuracy.EvaluationContext;
import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.accuracy.Metrics;
import io.inferbench.accuracy.Tensors;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.accuracy.AccuracyMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text recognition, PaddleOCR's CTC recognisers (PP-OCRv3/v4 rec): rendered lines preprocessed as
 * PaddleOCR does (height 48, width 320, or wider for a batch of long lines when the model's width is
 * dynamic), greedy CTC decoding with the dictionary shipped beside the model ({@code ppocr_keys_v1.txt}),
 * and character accuracy = 1 − CER (edit distance over reference characters), with line accuracy.
 */
public final class OcrCtcEvaluator implements Evaluator {
    static final int HEIGHT = 48;
    static final int MIN_WIDTH = 320;
    static final int DEFAULT_LINES = 120;

    @Override
    public String name() {
        return "ocr-ctc";
    }

    @Override
    public String description() {
        return "PaddleOCR CTC text recognition on rendered lines; character accuracy (1 - CER)";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> o = new ArrayList<>(OcrLines.options());
        o.add(OptionSpec.string("dictionary", "ppocr_keys_v1.txt",
                "the character list, a file shipped with the model (an entry of its jar, or beside it)"));
        return o;
    }

    @Override
    public void checkDataset(AccuracyTaskSpec task) throws java.io.IOException {
        OcrLines.checkDataset(task);
    }

    @Override
    public String unsuitable(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        String problem = OcrLines.imageInputProblem(inputs);
        if (problem != null) {
            return problem;
        }
        return sequenceOutput(outputs) == null ? "expects a [batch, steps, classes] CTC output" : null;
    }

    static TensorSpec sequenceOutput(List<TensorSpec> outputs) {
        return outputs.stream().filter(o -> o.rank() == 3 && (o.shape()[2] < 0 || o.shape()[2] > 2)).findFirst()
                .orElse(null);
    }

    @Override
    public List<AccuracyMetric> evaluate(EvaluationContext ctx) throws Exception {
        String dictionaryName = ctx.task().string("dictionary");
        Path dictionary = ctx.companion(dictionaryName).orElseThrow(() -> new IllegalArgumentException(
                "no " + dictionaryName + " shipped with the model (options.dictionary names the file)"));
        CtcDecoder decoder = CtcDecoder.fromDictionary(dictionary);
        int count = ctx.task().samples() == null ? DEFAULT_LINES : ctx.task().samples();
        List<TextLines.Line> lines = OcrLines.render(ctx.task(), count);
        TensorSpec in = ctx.inputs().get(0);
        TensorSpec out = sequenceOutput(ctx.outputs());
        double[] scores = new double[lines.size()];
        double[] weights = new double[lines.size()];
        boolean[] exact = new boolean[lines.size()];
        int batch = ctx.task().batchSize();
        for (int from = 0; from < lines.size(); from += batch) {
            int to = Math.min(lines.size(), from + batch);
            int width = in.shape()[3] > 0 ? (int) in.shape()[3] : batchWidth(lines.subList(from, to));
            float[] pixels = new float[(to - from) * 3 * HEIGHT * width];
            for (int i = from; i < to; i++) {
                TextLines.normalize(lines.get(i).image(), HEIGHT, width, pixels, (i - from) * 3 * HEIGHT * width);
            }
            Tensor probs = ctx.infer(Map.of(in.name(), Tensors.floats(new long[] {to - from, 3, HEIGHT, width},
                    pixels))).get(out.name());
            long[] shape = probs == null ? new long[0] : probs.shape();
            if (shape.length != 3 || shape[0] != to - from) {
                throw new IllegalStateException("output " + out.name() + " has shape " + java.util.Arrays.toString(
                        shape) + ", expected [" + (to - from) + ", steps, classes]");
            }
            if (shape[2] != decoder.classes()) {
                throw new IllegalStateException("output " + out.name() + " has " + shape[2] + " classes, but "
                        + dictionary.getFileName() + " gives " + decoder.classes() + " (blank + " + (decoder.classes()
                        - 2) + " characters + space): not this model's dictionary");
            }
            float[] v = probs.toFloatArray();
            int steps = (int) shape[1];
            for (int i = from; i < to; i++) {
                String truth = lines.get(i).text();
                String read = decoder.decode(v, (i - from) * steps * decoder.classes(), steps);
                int length = truth.codePointCount(0, truth.length());
                scores[i] = length - CtcDecoder.editDistance(read, truth);
                weights[i] = length;
                exact[i] = read.equals(truth);
            }
            ctx.progress("read " + to + "/" + lines.size() + " lines");
        }
        String notes = lines.size() + " rendered lines; fonts " + OcrLines.fontNames(ctx.task()) + ", sizes "
                + ctx.task().string("sizes") + " px; greedy CTC with " + dictionary.getFileName();
        return List.of(Metrics.ratio("character-accuracy", scores, weights, ctx.confidence(), ctx.task().seed(), notes),
                Metrics.proportion("line-accuracy", exact, ctx.confidence(), "lines read exactly"));
    }

    /** PaddleOCR's width for a batch: 320, or wider for the widest line at height 48 (multiple of 8). */
    static int batchWidth(List<TextLines.Line> lines) {
        double ratio = lines.stream().mapToDouble(l -> l.image().getWidth() / (double) l.image().getHeight()).max()
                .orElse(0);
        int w = (int) Math.ceil(HEIGHT * ratio);
        return Math.max(MIN_WIDTH, (w + 7) / 8 * 8);
    }
}
