package io.inferbench.run;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.UnsupportedModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test converter from ONNX to a "SavedModel" folder: copies the file and writes a marker with the
 * converting process's id. A model whose text contains {@code UNSUPPORTED} is refused the way the
 * real converter refuses unknown operators; one containing {@code BROKEN} fails otherwise.
 */
public final class TestOnnxToSavedModel implements ModelConverter {
    public static final String NAME = "test-onnx-to-savedmodel";
    static final String MARKER = "converted-by.txt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public ModelFormat from() {
        return ModelFormat.ONNX;
    }

    @Override
    public ModelFormat to() {
        return ModelFormat.SAVED_MODEL;
    }

    @Override
    public Conversion convert(Path source, Path target) throws BackendException {
        try {
            String text = Files.readString(source, StandardCharsets.ISO_8859_1);
            if (text.contains("UNSUPPORTED")) {
                throw new UnsupportedModelException("unsupported operators: FancyOp (first node: /fancy)");
            }
            if (text.contains("BROKEN")) {
                throw new BackendException("cannot read the model: truncated");
            }
            Files.createDirectories(target);
            Files.copy(source, target.resolve("model.onnx"));
            Files.writeString(target.resolve(MARKER), Long.toString(ProcessHandle.current().pid()));
            return new Conversion(target, List.of("Identity x 1"), List.of("test conversion: a copy"));
        } catch (IOException e) {
            throw new BackendException("test converter: " + e.getMessage(), e);
        }
    }
}
