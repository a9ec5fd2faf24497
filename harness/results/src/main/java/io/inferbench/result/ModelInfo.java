package io.inferbench.result;

import java.util.List;

/**
 * A model as resolved for a configuration.
 *
 * @param name      display name
 * @param source    where it came from: a path, or {@code maven:g:a:v!entry}
 * @param path      the local file actually loaded
 * @param format    {@code onnx}, {@code savedmodel}, ...
 * @param sizeBytes file size (sum of files for a directory)
 * @param sha256    content hash of the file (empty for directories or generated models)
 * @param conversion how the harness converted the model before loading it, or null when it was loaded as
 *                   it is
 * @param declared  the model as the scenario names it ({@code maven:g:a:v!entry}, a path, {@code none}),
 *                  whatever conversion followed: configurations of one model share it; null in results
 *                  that did not record it
 * @param optimizations the optimization steps applied to the declared model, in order, before any conversion;
 *                      empty when it was loaded as declared (and in results older than optimization steps)
 */
public record ModelInfo(String name, String source, String path, String format, long sizeBytes, String sha256,
                        ConversionInfo conversion, String declared, List<OptimizationInfo> optimizations) {
    public ModelInfo {
        optimizations = optimizations == null ? List.of() : List.copyOf(optimizations);
    }

    /** A model loaded without optimization steps. */
    public ModelInfo(String name, String source, String path, String format, long sizeBytes, String sha256,
                     ConversionInfo conversion, String declared) {
        this(name, source, path, format, sizeBytes, sha256, conversion, declared, List.of());
    }
}
