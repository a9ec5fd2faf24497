package io.inferbench.scenario;

import io.inferbench.api.ModelFormat;

/**
 * The model of a configuration.
 *
 * @param name   display name (defaults to the file or entry name)
 * @param source where the model comes from
 * @param format its format, from {@code format:} or the file extension
 */
public record ModelSpec(String name, ModelSource source, ModelFormat format) {
}
