package io.inferbench.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code .onnx} files, with errors that name the file. */
public final class OnnxModelFiles {
    /** Protobuf's default nesting limit (100) is too low for some exported graphs; its size limit is 2 GB anyway. */
    private static final int RECURSION_LIMIT = 1_000;

    private OnnxModelFiles() {
    }

    /**
     * The model in {@code file}.
     *
     * @throws IllegalArgumentException if the file is not an ONNX model (not a protobuf, or no graph)
     * @throws IOException if it cannot be read
     */
    public static ModelProto read(Path file) throws IOException {
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setRecursionLimit(RECURSION_LIMIT);
            coded.setSizeLimit(Integer.MAX_VALUE);
            model = ModelProto.parseFrom(coded);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(file + ": not an ONNX model (" + e.getMessage() + ")", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0 || model.getOpsetImportCount() == 0) {
            throw new IllegalArgumentException(file + ": not an ONNX model (no graph nodes or no opset import)");
        }
        return model;
    }

    /** Writes {@code model} to {@code file} (replacing it) and returns its size in bytes. */
    public static long write(ModelProto model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (var out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return Files.size(file);
    }
}
