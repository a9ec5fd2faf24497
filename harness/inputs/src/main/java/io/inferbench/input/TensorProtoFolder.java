package io.inferbench.input;

import io.inferbench.api.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples in ONNX's test-data layout: a folder of {@code test_data_set_0/input_0.pb}, {@code input_1.pb}, …
 * (one set per sample, in set order), or a folder holding the {@code input_N.pb} files of one sample.
 * Each file is one {@code TensorProto} ({@link TensorProtoFile}). A tensor goes to the model input its
 * name names; when the files carry no names, {@code input_N} is the model's N-th input, as ONNX's
 * backend test runner reads them. {@code output_N.pb} files are expected outputs and are ignored.
 */
final class TensorProtoFolder {
    private static final Pattern SET = Pattern.compile("test_data_set_(\\d+)");
    private static final Pattern INPUT = Pattern.compile("input_(\\d+)\\.pb");
    /** More sets than this is not a benchmark's sample set but a mistake (and memory). */
    static final int MAX_SETS = 100_000;

    private TensorProtoFolder() {
    }

    static List<Map<String, Tensor>> read(Path folder, InputPlan plan, SampleCheck check) throws IOException {
        List<Path> sets = numbered(folder, SET, false);
        if (sets.isEmpty()) {
            if (numbered(folder, INPUT, true).isEmpty()) {
                throw new IllegalArgumentException(folder.getFileName() + ": no test_data_set_N folders and no "
                        + "input_N.pb files (ONNX's test-data layout)");
            }
            sets = List.of(folder);
        }
        if (sets.size() > MAX_SETS) {
            throw new IllegalArgumentException(folder.getFileName() + ": " + sets.size() + " test data sets, more than "
                    + MAX_SETS);
        }
        List<Map<String, Tensor>> samples = new ArrayList<>();
        for (Path set : sets) {
            samples.add(sample(folder, set, plan, check));
        }
        return samples;
    }

    /** One set's inputs, by name or else by position, each checked against its model input. */
    private static Map<String, Tensor> sample(Path folder, Path set, InputPlan plan, SampleCheck check)
            throws IOException {
        String where = set.equals(folder) ? folder.getFileName().toString()
                : folder.getFileName() + "/" + set.getFileName();
        List<Path> files = numbered(set, INPUT, true);
        List<TensorProtoFile> tensors = new ArrayList<>();
        for (Path f : files) {
            tensors.add(TensorProtoFile.parse(Files.readAllBytes(f), where + "/" + f.getFileName()));
        }
        boolean named = !tensors.isEmpty() && tensors.stream().allMatch(t -> !t.name().isEmpty());
        List<ResolvedInput> inputs = plan.inputs();
        Map<String, Integer> fileOf = new LinkedHashMap<>();
        if (named) {
            for (int i = 0; i < tensors.size(); i++) {
                if (fileOf.put(tensors.get(i).name(), i) != null) {
                    throw new IllegalArgumentException(where + "/" + files.get(i).getFileName() + ": tensor '"
                            + tensors.get(i).name() + "' is given twice in the set");
                }
            }
            check.names(where + " (tensor names)", fileOf.keySet());
        } else {
            if (tensors.size() != inputs.size()) {
                throw new IllegalArgumentException(where + ": " + tensors.size() + " input_N.pb file(s) without "
                        + "tensor names, the model has " + inputs.size() + " input(s) (" + InputPlan.describe(plan.specs())
                        + "); give one file per input, in the model's order, or name the tensors");
            }
            for (int i = 0; i < inputs.size(); i++) {
                fileOf.put(inputs.get(i).name(), i);
            }
        }
        Map<String, Tensor> sample = new LinkedHashMap<>();
        for (ResolvedInput in : inputs) {
            int i = fileOf.get(in.name());
            Tensor t = tensors.get(i).tensor();
            check.tensor(where + "/" + files.get(i).getFileName(), in, t.dtype(), t.shape());
            sample.put(in.name(), t);
        }
        return sample;
    }

    /** The entries of {@code dir} matching {@code name}, by their number; files or folders as asked. */
    private static List<Path> numbered(Path dir, Pattern name, boolean files) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> files ? Files.isRegularFile(p) : Files.isDirectory(p))
                    .filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(p -> number(name, p))).toList();
        }
    }

    private static long number(Pattern name, Path p) {
        Matcher m = name.matcher(p.getFileName().toString());
        m.matches();
        String digits = m.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
