package io.inferbench.accuracy.tasks;

import io.inferbench.scenario.UserFiles;
import io.inferbench.scenario.ScenarioLimits;
import java.nio.file.Path;
import io.inferbench.api.accuracy.AccuracyTaskSpec;
import io.inferbench.api.accuracy.EvaluationContext;
import io.inferbench.api.accuracy.Evaluator;
import io.inferbench.accuracy.Metrics;
import io.inferbench.accuracy.Tensors;
import io.inferbench.api.DType;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.accuracy.AccuracyMetric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Generic classification: labelled inputs straight into the model, its argmax against the label.
 * The dataset is tab-separated, one item per line: the class index, a tab, then the input tensor's
 * values (whitespace-separated, row-major, without the batch dimension); lines starting with
 * {@code #} are skipped. For a model with one float input and a [batch, classes] output.
 */
public final class ClassificationEvaluator implements Evaluator {
    @Override
    public String name() {
        return "classification";
    }

    @Override
    public String description() {
        return "labelled inputs (class<TAB>values) -> argmax of a [batch, classes] output; top-1 accuracy";
    }

    @Override
    public boolean needsDataset() {
        return true;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.string("output", "", "the scores output (default: the first [batch, classes] one)"));
    }

    @Override
    public String unsuitable(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        if (inputs.size() != 1 || inputs.get(0).dtype() != DType.FLOAT32) {
            return "expects one float32 input, the model has " + inputs.stream().map(TensorSpec::describe).toList();
        }
        return outputs.stream().anyMatch(o -> o.rank() == 2) ? null : "expects a [batch, classes] output";
    }

    @Override
    public List<AccuracyMetric> evaluate(EvaluationContext ctx) throws Exception {
        TensorSpec in = ctx.inputs().get(0);
        String wanted = ctx.task().string("output");
        TensorSpec out = wanted.isEmpty()
                ? ctx.outputs().stream().filter(o -> o.rank() == 2).findFirst().orElseThrow()
                : Tensors.named(ctx.outputs(), wanted).orElseThrow(() -> new IllegalArgumentException(
                "options.output: the model has no output '" + wanted + "'; it has "
                        + ctx.outputs().stream().map(TensorSpec::name).toList()));
        List<int[]> labels = new ArrayList<>();
        List<float[]> rows = read(ctx.task().dataset(), labels);
        long[] itemShape = Arrays.copyOfRange(in.shape(), 1, in.shape().length);
        long size = 1;
        for (long d : itemShape) {
            size *= d;
        }
        List<Integer> chosen = Splits.choose(rows.size(), ctx.task().samples(), ctx.task().seed());
        for (int i : chosen) {
            if (size > 0 && rows.get(i).length != size) {
                throw new IllegalArgumentException(ctx.task().dataset() + ":" + labels.get(i)[1] + ": "
                        + rows.get(i).length + " values, the input " + in.describe() + " takes " + size);
            }
        }
        int width = rows.get(chosen.get(0)).length;
        if (size <= 0) {
            itemShape = new long[] {width};
        }
        boolean[] correct = new boolean[chosen.size()];
        int batch = ctx.task().batchSize();
        for (int from = 0; from < chosen.size(); from += batch) {
            int to = Math.min(chosen.size(), from + batch);
            float[] values = new float[(to - from) * width];
            for (int i = from; i < to; i++) {
                System.arraycopy(rows.get(chosen.get(i)), 0, values, (i - from) * width, width);
            }
            long[] shape = new long[itemShape.length + 1];
            shape[0] = to - from;
            System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
            Tensor scores = ctx.infer(Map.of(in.name(), Tensors.floats(shape, values))).get(out.name());
            if (scores == null || scores.shape().length != 2 || scores.shape()[0] != to - from) {
                throw new IllegalStateException("output " + out.name() + " has shape " + (scores == null ? "none"
                        : Arrays.toString(scores.shape())) + ", expected [" + (to - from) + ", classes]");
            }
            int classes = (int) scores.shape()[1];
            float[] v = scores.toFloatArray();
            for (int i = from; i < to; i++) {
                int label = labels.get(chosen.get(i))[0];
                if (label >= classes) {
                    throw new IllegalArgumentException(ctx.task().dataset() + ":" + labels.get(chosen.get(i))[1]
                            + ": class " + label + ", but the model scores only " + classes + " classes");
                }
                correct[i] = Tensors.argmax(v, (i - from) * classes, classes) == label;
            }
        }
        return List.of(Metrics.proportion("accuracy", correct, ctx.confidence(), chosen.size()
                + " labelled items, top-1 of " + out.name()));
    }

    @Override
    public void checkDataset(AccuracyTaskSpec task) throws IOException {
        read(task.dataset(), new ArrayList<>());
    }

    /** The rows' values; {@code labels} gets {class, line number} per row. */
    private static List<float[]> read(Path dataset, List<int[]> labels) throws IOException {
        List<String> lines = UserFiles.readLines(dataset, ScenarioLimits.MAX_DATA_FILE_BYTES);
        List<float[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = dataset + ":" + (n + 1) + ": ";
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException(where + "missing label (expected class<TAB>values)");
            }
            try {
                int label = Integer.parseInt(line.substring(0, tab).strip());
                if (label < 0) {
                    throw new NumberFormatException();
                }
                String[] parts = line.substring(tab + 1).strip().split("\\s+");
                float[] v = new float[parts.length];
                for (int k = 0; k < parts.length; k++) {
                    v[k] = Float.parseFloat(parts[k]);
                }
                labels.add(new int[] {label, n + 1});
                rows.add(v);
            } catch (NumberFormatException e) {
                throw new IOException(where + "expected a class index >= 0, a tab and numbers, got '"
                        + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'");
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(dataset + ": no labelled lines");
        }
        return rows;
    }
}
