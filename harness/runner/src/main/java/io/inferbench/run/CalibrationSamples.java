package io.inferbench.run;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.result.ResultJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Static int8's calibration samples as a file, for the child JVM that runs them ({@link ProbeMain}): each sample's
 * tensors by input name. Small (token ids, an image or two per sample); written as JSON, the bytes in base64.
 */
record CalibrationSamples(List<Map<String, HostTensor>> samples) {
    /** One tensor: its element type, shape and bytes in native order. */
    record HostTensor(DType dtype, long[] shape, byte[] data) {
        static HostTensor of(Tensor t) {
            ByteBuffer b = t.data();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return new HostTensor(t.dtype(), t.shape(), bytes);
        }

        Tensor tensor() {
            ByteBuffer b = ByteBuffer.allocateDirect(data.length).order(ByteOrder.nativeOrder());
            b.put(data).flip();
            return new Tensor(dtype, shape, b);
        }
    }

    CalibrationSamples {
        samples = List.copyOf(samples);
    }

    static CalibrationSamples of(List<Map<String, Tensor>> samples) {
        return new CalibrationSamples(samples.stream().map(s -> {
            Map<String, HostTensor> one = new LinkedHashMap<>();
            s.forEach((name, t) -> one.put(name, HostTensor.of(t)));
            return one;
        }).toList());
    }

    List<Map<String, Tensor>> tensors() {
        return samples.stream().map(s -> {
            Map<String, Tensor> one = new LinkedHashMap<>();
            s.forEach((name, t) -> one.put(name, t.tensor()));
            return one;
        }).toList();
    }

    static CalibrationSamples read(Path file) throws IOException {
        return ResultJson.mapper().readValue(file.toFile(), CalibrationSamples.class);
    }

    void write(Path file) throws IOException {
        ResultJson.writeAtomically(file, ResultJson.mapper().writeValueAsBytes(this));
    }
}
