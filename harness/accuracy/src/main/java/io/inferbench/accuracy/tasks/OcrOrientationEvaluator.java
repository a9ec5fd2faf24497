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
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * Text-line orientation, PaddleOCR's angle classifier ({@code ch_ppocr_mobile_v2.0_cls}): rendered
 * lines, each upright (class 0, "0°") and upside down (class 1, "180°"), preprocessed as PaddleOCR
 * does (height 48, width padded to 192), scored by the argmax of the [batch, 2] output.
 */
public final class OcrOrientationEvaluator implements Evaluator {
    static final int HEIGHT = 48;
    static final int WIDTH = 192;
    static final int DEFAULT_LINES = 120;

    @Override
    public String name() {
        return "ocr-orientation";
    }

    @Override
    public String description() {
        return "PaddleOCR text-line orientation (0° vs 180°) on rendered lines; accuracy";
    }

    @Override
    public List<OptionSpec> options() {
        return OcrLines.options();
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
        boolean scores = outputs.stream().anyMatch(o -> o.rank() == 2 && o.shape()[1] == 2);
        return scores ? null : "expects a [batch, 2] orientation output";
    }

    @Override
    public List<AccuracyMetric> evaluate(EvaluationContext ctx) throws Exception {
        // samples counts images: each line is shown both ways up.
        int count = ctx.task().samples() == null ? DEFAULT_LINES : Math.max(1, ctx.task().samples() / 2);
        List<TextLines.Line> lines = OcrLines.render(ctx.task(), count);
        TensorSpec in = ctx.inputs().get(0);
        int width = in.shape()[3] > 0 ? (int) in.shape()[3] : WIDTH;
        TensorSpec out = ctx.outputs().stream().filter(o -> o.rank() == 2 && o.shape()[1] == 2).findFirst()
                .orElseThrow();
        int n = lines.size() * 2;
        boolean[] correct = new boolean[n];
        int batch = ctx.task().batchSize();
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[] pixels = new float[(to - from) * 3 * HEIGHT * width];
            for (int i = from; i < to; i++) {
                BufferedImage img = lines.get(i / 2).image();
                TextLines.normalize(i % 2 == 0 ? img : TextLines.rotate180(img), HEIGHT, width, pixels,
                        (i - from) * 3 * HEIGHT * width);
            }
            Tensor scores = ctx.infer(Map.of(in.name(), Tensors.floats(new long[] {to - from, 3, HEIGHT, width},
                    pixels))).get(out.name());
            if (scores == null || scores.elementCount() != 2L * (to - from)) {
                throw new IllegalStateException("output " + out.name() + " has " + (scores == null ? "no values"
                        : scores.elementCount() + " values") + ", expected 2 per image");
            }
            float[] v = scores.toFloatArray();
            for (int i = from; i < to; i++) {
                correct[i] = Tensors.argmax(v, (i - from) * 2, 2) == i % 2;
            }
        }
        String notes = lines.size() + " rendered lines, each at 0° and 180°; fonts " + OcrLines.fontNames(ctx.task())
                + ", sizes " + ctx.task().string("sizes") + " px; input 48 x " + width;
        return List.of(Metrics.proportion("accuracy", correct, ctx.confidence(), notes));
    }
}
