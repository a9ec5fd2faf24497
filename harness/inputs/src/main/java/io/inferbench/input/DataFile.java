package io.inferbench.input;

import io.inferbench.api.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The user's own samples ({@code inputs.data.file}), read and checked against the model's inputs:
 * JSON lines ({@link JsonLinesSamples}), one {@code .npy} array for a model with one input, or a
 * {@code .npz} archive (a zip of {@code .npy} files, one per input name), or a folder in ONNX's test-data
 * layout ({@link TensorProtoFolder}). An array of the model's rank is one sample; one of rank + 1 holds
 * samples along its first axis.
 */
public final class DataFile {
    private DataFile() {
    }

    /**
     * The samples, in file order.
     *
     * @throws IllegalArgumentException naming the file, line or entry, the input, and what was expected
     */
    public static List<Map<String, Tensor>> read(Path file, InputPlan plan) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        SampleCheck check = new SampleCheck(plan);
        if (Files.isDirectory(file)) {
            return TensorProtoFolder.read(file, plan, check);
        }
        if (lower.endsWith(".jsonl")) {
            return JsonLinesSamples.read(file, plan, check);
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        if (lower.endsWith(".npy")) {
            if (plan.inputs().size() != 1) {
                throw new IllegalArgumentException(name + ": a .npy file holds one array, but the model has "
                        + plan.inputs().size() + " inputs (" + InputPlan.describe(plan.specs())
                        + "); use a .npz with one array per input name");
            }
            arrays.put(plan.inputs().get(0).name(), NpyArray.parse(Files.readAllBytes(file), name));
        } else if (lower.endsWith(".npz")) {
            arrays.putAll(npz(file));
        } else {
            throw new IllegalArgumentException(name + ": expected a .jsonl, .npy or .npz file, or a folder of "
                    + "ONNX TensorProto .pb files");
        }
        return fromArrays(name, arrays, plan, check);
    }

    private static Map<String, NpyArray> npz(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String entry = e.getName();
                if (e.isDirectory() || !entry.endsWith(".npy")) {
                    continue;
                }
                String input = entry.substring(0, entry.length() - 4);
                out.put(input, NpyArray.parse(zip.readAllBytes(), name + "!" + entry));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": no .npy entries in the archive");
        }
        return out;
    }

    private static List<Map<String, Tensor>> fromArrays(String file, Map<String, NpyArray> arrays, InputPlan plan,
                                                        SampleCheck check) {
        check.names(file, arrays.keySet());
        int count = -1;
        for (ResolvedInput in : plan.inputs()) {
            NpyArray a = arrays.get(in.name());
            int n = a.shape().length == in.declared().length + 1 ? Math.toIntExact(a.shape()[0]) : 1;
            if (count >= 0 && n != count) {
                throw new IllegalArgumentException(file + ": input '" + in.name() + "' holds " + n
                        + " samples, the inputs before it " + count);
            }
            count = n;
        }
        List<Map<String, Tensor>> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Tensor> sample = new LinkedHashMap<>();
            for (ResolvedInput in : plan.inputs()) {
                NpyArray a = arrays.get(in.name());
                Tensor t = a.shape().length == in.declared().length + 1 ? a.slice(i) : a.whole();
                check.tensor(file + " sample " + i, in, t.dtype(), t.shape());
                sample.put(in.name(), t);
            }
            samples.add(sample);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(file + ": no samples");
        }
        return samples;
    }
}
