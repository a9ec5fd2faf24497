package io.inferbench.accuracy;

import io.inferbench.api.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration's outputs on its first samples, as float32 values, stored in a small binary file
 * beside the run's result ({@code <run>/outputs/<id>.bin}) so a reference captured in another JVM
 * can be compared later. With each sample, its attention mask when the model takes one, so that a
 * text encoder's hidden states can be pooled over the real tokens only.
 *
 * @param samples per sample, output name to tensor (shape and values)
 * @param masks   per sample, the attention mask fed ({@code [batch, seq]}, 1 for a real token), or null
 *                for a model without one; empty for files written before masks were kept
 */
public record CapturedOutputs(List<Map<String, Output>> samples, List<Output> masks) {
    /** The first format: outputs only. */
    private static final int MAGIC = 0x1B0C0A01;
    /** Outputs and, per sample, the attention mask (a presence flag, then a tensor). */
    private static final int MAGIC_WITH_MASKS = 0x1B0C0A02;

    /** One output tensor of one sample. */
    public record Output(long[] shape, float[] values) {
    }

    public CapturedOutputs {
        samples = List.copyOf(samples);
        // No sample with a mask is the same as none kept: the file is then written in the first format.
        masks = masks == null || masks.stream().allMatch(java.util.Objects::isNull) ? List.of()
                : java.util.Collections.unmodifiableList(new ArrayList<>(masks));
        if (!masks.isEmpty() && masks.size() != samples.size()) {
            throw new IllegalArgumentException(masks.size() + " masks for " + samples.size() + " samples");
        }
    }

    /** Outputs without masks. */
    public CapturedOutputs(List<Map<String, Output>> samples) {
        this(samples, List.of());
    }

    /** The attention mask of sample {@code i}, or null when none was kept. */
    public Output mask(int i) {
        return i < masks.size() ? masks.get(i) : null;
    }

    /**
     * @param fetched each sample's outputs
     * @param masks   each sample's attention mask tensor, or null entries (or an empty list) for none
     */
    static CapturedOutputs of(List<Map<String, Tensor>> fetched, List<Tensor> masks) {
        List<Map<String, Output>> out = new ArrayList<>();
        for (Map<String, Tensor> sample : fetched) {
            Map<String, Output> m = new LinkedHashMap<>();
            sample.forEach((name, t) -> m.put(name, new Output(t.shape(), t.toFloatArray())));
            out.add(m);
        }
        List<Output> kept = new ArrayList<>();
        for (Tensor t : masks) {
            kept.add(t == null ? null : new Output(t.shape(), t.toFloatArray()));
        }
        return new CapturedOutputs(out, kept);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(masks.isEmpty() ? MAGIC : MAGIC_WITH_MASKS);
            out.writeInt(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                Map<String, Output> s = samples.get(i);
                out.writeInt(s.size());
                for (var e : s.entrySet()) {
                    out.writeUTF(e.getKey());
                    writeTensor(out, e.getValue());
                }
                if (!masks.isEmpty()) {
                    out.writeBoolean(masks.get(i) != null);
                    if (masks.get(i) != null) {
                        writeTensor(out, masks.get(i));
                    }
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeTensor(DataOutputStream out, Output t) throws IOException {
        out.writeInt(t.shape().length);
        for (long d : t.shape()) {
            out.writeLong(d);
        }
        out.writeInt(t.values().length);
        for (float f : t.values()) {
            out.writeFloat(f);
        }
    }

    /** Reads either format: files of the first one (no masks) read with empty {@link #masks()}. */
    public static CapturedOutputs read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            int magic = in.readInt();
            if (magic != MAGIC && magic != MAGIC_WITH_MASKS) {
                throw new IOException(file + " is not a captured-outputs file");
            }
            int n = in.readInt();
            List<Map<String, Output>> samples = new ArrayList<>();
            List<Output> masks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int outputs = in.readInt();
                Map<String, Output> m = new LinkedHashMap<>();
                for (int o = 0; o < outputs; o++) {
                    String name = in.readUTF();
                    m.put(name, readTensor(in));
                }
                samples.add(m);
                if (magic == MAGIC_WITH_MASKS) {
                    masks.add(in.readBoolean() ? readTensor(in) : null);
                }
            }
            return new CapturedOutputs(samples, masks);
        }
    }

    private static Output readTensor(DataInputStream in) throws IOException {
        long[] shape = new long[in.readInt()];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = in.readLong();
        }
        float[] v = new float[in.readInt()];
        for (int k = 0; k < v.length; k++) {
            v[k] = in.readFloat();
        }
        return new Output(shape, v);
    }
}
