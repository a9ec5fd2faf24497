package io.inferbench.adapter.djl;

import io.inferbench.api.ModelFormat;

/**
 * The DJL engines InferBench exposes, one backend each. DJL picks an engine by name; each engine reads
 * its own thread properties, once, when it first loads.
 */
enum DjlEngine {
    ONNXRUNTIME("djl-onnxruntime", "OnnxRuntime", ModelFormat.ONNX, "ai.djl.onnxruntime:onnxruntime-engine",
            "ai.djl.onnxruntime.num_threads", "ai.djl.onnxruntime.num_interop_threads"),
    TENSORFLOW("djl-tensorflow", "TensorFlow", ModelFormat.SAVED_MODEL, "ai.djl.tensorflow:tensorflow-engine",
            "ai.djl.tensorflow.num_intraop_threads", "ai.djl.tensorflow.num_interop_threads"),
    PYTORCH("djl-pytorch", "PyTorch", ModelFormat.TORCHSCRIPT, "ai.djl.pytorch:pytorch-engine",
            "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads");

    private final String backendName;
    private final String djlName;
    private final ModelFormat format;
    private final String artifact;
    private final String intraOpProperty;
    private final String interOpProperty;

    DjlEngine(String backendName, String djlName, ModelFormat format, String artifact, String intraOpProperty,
              String interOpProperty) {
        this.backendName = backendName;
        this.djlName = djlName;
        this.format = format;
        this.artifact = artifact;
        this.intraOpProperty = intraOpProperty;
        this.interOpProperty = interOpProperty;
    }

    /** The InferBench backend name, e.g. {@code djl-onnxruntime}. */
    String backendName() {
        return backendName;
    }

    /** DJL's engine name, for {@code Engine.getEngine}, e.g. {@code OnnxRuntime}. */
    String djlName() {
        return djlName;
    }

    /** The one model format this engine opens. */
    ModelFormat format() {
        return format;
    }

    /** Maven coordinates of the DJL engine jar (without version), for info(). */
    String artifact() {
        return artifact;
    }

    /** System property DJL reads once, when the engine loads, for the threads inside one operator. */
    String intraOpProperty() {
        return intraOpProperty;
    }

    /** System property DJL reads once, when the engine loads, for the threads across operators. */
    String interOpProperty() {
        return interOpProperty;
    }

    String displayName() {
        return "DJL " + djlName;
    }
}
