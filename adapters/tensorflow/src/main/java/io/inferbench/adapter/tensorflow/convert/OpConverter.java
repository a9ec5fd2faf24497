package io.inferbench.adapter.tensorflow.convert;

import io.inferbench.api.BackendException;
import java.util.List;

/** Turns one ONNX node into TensorFlow ops; one implementation per ONNX operator type. */
@FunctionalInterface
interface OpConverter {

    /**
     * Adds the node's TensorFlow equivalent to the graph.
     *
     * @return one value per node output, in order (optional trailing outputs may be left out)
     * @throws io.inferbench.api.UnsupportedModelException for attribute values or shapes not handled
     */
    List<TfValue> convert(NodeContext node) throws BackendException;
}
