package io.inferbench.accuracy.tasks;

import io.inferbench.api.DType;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.accuracy.AccuracyTaskSpec;
import java.awt.Font;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What the two PaddleOCR evaluators share: their options, the model's image input, rendering. */
final class OcrLines {
    static final String DEFAULT_FONTS = "DejaVuSans.ttf,DejaVuSerif.ttf,DejaVuSansMono.ttf";
    static final String DEFAULT_SIZES = "20,28,36";

    private OcrLines() {
    }

    static List<OptionSpec> options() {
        return List.of(
                OptionSpec.string("fonts", DEFAULT_FONTS, "comma-separated font files, looked up in the usual font folders"
                        + " (Debian: fonts-dejavu-core)"),
                OptionSpec.string("sizes", DEFAULT_SIZES, "comma-separated font sizes in pixels"),
                OptionSpec.integer("max-chars", 16L, 1, "longest text line, in characters"));
    }

    /** Null when there is one float image input [batch, 3, 48, width] (dimensions may be dynamic). */
    static String imageInputProblem(List<TensorSpec> inputs) {
        if (inputs.size() != 1) {
            return "expects one image input, the model has " + inputs.size();
        }
        TensorSpec in = inputs.get(0);
        long[] s = in.shape();
        if (in.dtype() != DType.FLOAT32 || s.length != 4 || !fits(s[1], 3) || !fits(s[2], 48)) {
            return "expects a float32 [batch, 3, 48, width] image input, the model has " + in.describe();
        }
        return null;
    }

    private static boolean fits(long dim, long want) {
        return dim < 0 || dim == want;
    }

    static int[] sizes(AccuracyTaskSpec task) {
        try {
            int[] sizes = Arrays.stream(task.string("sizes").split(",")).map(String::strip)
                    .mapToInt(Integer::parseInt).toArray();
            if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s < 6 || s > 200)) {
                throw new NumberFormatException();
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("options.sizes: expected font sizes of 6 to 200 pixels such as "
                    + DEFAULT_SIZES + ", got '" + task.string("sizes") + "'");
        }
    }

    static List<String> fontNames(AccuracyTaskSpec task) {
        return Arrays.stream(task.string("fonts").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The task's dataset, when it has one, read as {@link #render} will (no fonts, no images). */
    static void checkDataset(AccuracyTaskSpec task) throws IOException {
        if (task.dataset() != null) {
            TextLines.lines(task.dataset(), (int) task.integer("max-chars"));
        }
    }

    static List<TextLines.Line> render(AccuracyTaskSpec task, int count) throws IOException {
        List<String> names = fontNames(task);
        List<Font> fonts = TextLines.fonts(names);
        List<String> texts = TextLines.texts(task.dataset(), count, task.seed(), (int) task.integer("max-chars"));
        return TextLines.render(texts, fonts, names, sizes(task));
    }
}
