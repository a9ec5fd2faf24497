package io.inferbench.api;

/** On-disk model formats the harness knows how to name. */
public enum ModelFormat {
    /** A single {@code .onnx} file. */
    ONNX,
    /** A TensorFlow SavedModel directory. */
    SAVED_MODEL,
    /** A frozen TensorFlow GraphDef ({@code .pb}). */
    GRAPH_DEF,
    /** A TorchScript file ({@code .pt}). */
    TORCHSCRIPT,
    /** No file: the backend generates its own behaviour (synthetic backends). */
    NONE
}
