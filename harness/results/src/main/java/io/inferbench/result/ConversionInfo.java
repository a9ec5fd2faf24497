package io.inferbench.result;

import java.util.List;

/**
 * How the harness converted a configuration's model before loading it, because its backend does
 * not load the model's format (e.g. ONNX to a TensorFlow SavedModel for DJL's TensorFlow engine).
 *
 * @param converter    the converter's name, e.g. {@code onnx-to-tensorflow}
 * @param version      its version (part of the cache key)
 * @param from         the model's format, e.g. {@code onnx}
 * @param to           the format loaded, e.g. {@code saved_model}
 * @param sourcePath   the model as resolved, before conversion
 * @param sourceSha256 its content hash (the cache key's first part)
 * @param operators    operator types converted, with counts
 * @param notes        what the converter says a reader should know
 */
public record ConversionInfo(String converter, String version, String from, String to, String sourcePath,
                             String sourceSha256, List<String> operators, List<String> notes) {
    public ConversionInfo {
        operators = operators == null ? List.of() : List.copyOf(operators);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
