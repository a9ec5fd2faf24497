package io.inferbench.adapter.djl;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named host tensors in a file, to hand inputs to a child JVM and outputs back. */
final class TensorFiles {
    private TensorFiles() {
    }

    static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(tensors.size());
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                Tensor t = e.getValue();
                out.writeUTF(e.getKey());
                out.writeUTF(t.dtype().id());
                long[] shape = t.shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                ByteBuffer data = t.data();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    static Map<String, Tensor> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                DType dtype = DType.parse(in.readUTF());
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                ByteBuffer data = Tensor.allocate(dtype, shape);
                data.put(bytes).flip();
                tensors.put(name, new Tensor(dtype, shape, data));
            }
            return tensors;
        }
    }
}
