package io.inferbench.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Converts a model from one format to another (e.g. ONNX to a TensorFlow SavedModel), found with
 * {@link java.util.ServiceLoader} like backends. Used by {@code inferbench convert} and by backends
 * that accept a format through conversion.
 */
public interface ModelConverter {

    /** Stable name, e.g. {@code onnx-to-tensorflow}. */
    String name();

    /** Version of the conversion rules; part of any cache key, bumped when output would change. */
    String version();

    ModelFormat from();

    ModelFormat to();

    /**
     * Converts {@code source} into {@code target} (a file or directory that must not exist yet).
     * Blocking; may take seconds.
     *
     * @throws UnsupportedModelException listing every unsupported operator (and the first node of each)
     * @throws BackendException          for any other failure, with a one-line reason
     */
    Conversion convert(Path source, Path target) throws BackendException;

    /**
     * What a conversion did.
     *
     * @param target     the converted model
     * @param operators  operator types converted, with counts, e.g. {@code MatMul x 48}
     * @param notes      anything a reader of the report should know (layout changes, fused ops)
     */
    record Conversion(Path target, List<String> operators, List<String> notes) {
        public Conversion {
            operators = List.copyOf(operators);
            notes = List.copyOf(notes);
        }
    }
}
