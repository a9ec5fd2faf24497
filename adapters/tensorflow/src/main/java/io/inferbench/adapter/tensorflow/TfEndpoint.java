package io.inferbench.adapter.tensorflow;

import io.inferbench.api.TensorSpec;
import org.tensorflow.Output;

/**
 * One model input or output: how InferBench names and describes it, and the graph tensor behind it.
 *
 * @param spec      name (the signature key, or the op name for a GraphDef), element type and shape
 * @param output    the graph tensor fed or fetched, resolved once when the model opens
 * @param rankKnown false when the graph does not declare a rank: {@code spec.shape()} is then empty
 *                  and any rank is accepted
 */
record TfEndpoint(TensorSpec spec, Output<?> output, boolean rankKnown) {

    String name() {
        return spec.name();
    }
}
