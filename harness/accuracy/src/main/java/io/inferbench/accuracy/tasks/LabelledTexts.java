package io.inferbench.accuracy.tasks;

import io.inferbench.scenario.UserFiles;
import io.inferbench.scenario.ScenarioLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A labelled text file: tab-separated, one item per line. With a header line naming columns
 * {@code label} and {@code text}, those columns; without one, the first column is the label and
 * the last the text. Blank lines and lines starting with {@code #} are skipped.
 *
 * @param labels  per item, its class index into {@code classes}
 * @param texts   per item
 * @param classes the distinct labels, sorted
 */
record LabelledTexts(int[] labels, List<String> texts, List<String> classes) {
    static LabelledTexts read(Path file) throws IOException {
        List<String> lines = UserFiles.readLines(file, ScenarioLimits.MAX_DATA_FILE_BYTES);
        int labelColumn = 0;
        int textColumn = -1;
        int start = 0;
        if (!lines.isEmpty()) {
            List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
            if (header.contains("label") && header.contains("text")) {
                labelColumn = header.indexOf("label");
                textColumn = header.indexOf("text");
                start = 1;
            }
        }
        List<String> rawLabels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            int t = textColumn < 0 ? cols.length - 1 : textColumn;
            if (cols.length < 2 || t >= cols.length || labelColumn >= cols.length) {
                throw new IOException(file + ":" + (i + 1) + ": expected label<TAB>text, got "
                        + cols.length + " column(s)");
            }
            String label = cols[labelColumn].strip();
            if (label.isEmpty()) {
                throw new IOException(file + ":" + (i + 1) + ": missing label");
            }
            rawLabels.add(label);
            texts.add(cols[t]);
        }
        if (texts.isEmpty()) {
            throw new IOException(file + ": no labelled lines");
        }
        List<String> classes = List.copyOf(new TreeSet<>(rawLabels));
        int[] labels = rawLabels.stream().mapToInt(classes::indexOf).toArray();
        return new LabelledTexts(labels, List.copyOf(texts), classes);
    }

    int size() {
        return texts.size();
    }
}
