package io.inferbench.adapter.onnxruntime;

import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Model files and requests for this adapter's tests; shared fixtures are in {@code io.inferbench.testsupport}. */
final class TestModels {
    private TestModels() {
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelLoadRequest request(Path model, Map<String, Object> options) {
        return new ModelLoadRequest(model, ModelFormat.ONNX, Device.CPU, options);
    }
}
