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
 * can be compared later.
 *
 * @param samples per sample, output name to tensor (shape and values)
 */
public record CapturedOutputs(List<Map<String, Output>> samples) {
    private static final int MAGIC = 0x1B0C0A01;

    /** One output tensor of one sample. */
    public record Output(long[] shape, float[] values) {
    }

    public CapturedOutputs {
        samples = List.copyOf(samples);
    }

    static CapturedOutputs of(List<Map<String, Tensor>> fetched) {
        List<Map<String, Output>> out = new ArrayList<>();
        for (Map<String, Tensor> sample : fetched) {
            Map<String, Output> m = new LinkedHashMap<>();
            sample.forEach((name, t) -> m.put(name, new Output(t.shape(), t.toFloatArray())));
            out.add(m);
        }
        return new CapturedOutputs(out);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(MAGIC);
            out.writeInt(samples.size());
            for (Map<String, Output> s : samples) {
                out.writeInt(s.size());
                for (var e : s.entrySet()) {
                    out.writeUTF(e.getKey());
                    long[] shape = e.getValue().shape();
                    out.writeInt(shape.length);
                    for (long d : shape) {
                        out.writeLong(d);
                    }
                    float[] v = e.getValue().values();
                    out.writeInt(v.length);
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static CapturedOutputs read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a captured-outputs file");
            }
            int n = in.readInt();
            List<Map<String, Output>> samples = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int outputs = in.readInt();
                Map<String, Output> m = new LinkedHashMap<>();
                for (int o = 0; o < outputs; o++) {
                    String name = in.readUTF();
                    long[] shape = new long[in.readInt()];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = in.readLong();
                    }
                    float[] v = new float[in.readInt()];
                    for (int k = 0; k < v.length; k++) {
                        v[k] = in.readFloat();
                    }
                    m.put(name, new Output(shape, v));
                }
                samples.add(m);
            }
            return new CapturedOutputs(samples);
        }
    }
}
