package io.inferbench.cli;

import io.inferbench.adapter.tensorflow.TfBackendProvider;
import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import java.util.List;

/**
 * {@code backend: { name: tf-savedmodel-only }}: TensorFlow Java, but loading SavedModels only (as
 * DJL's TensorFlow engine does), so an ONNX model reaches it only through the harness's conversion
 * with the real {@code onnx-to-tensorflow} converter. Tests only.
 */
public final class SavedModelOnlyTensorFlow implements BackendProvider {
    private final TfBackendProvider tf = new TfBackendProvider();

    @Override
    public String name() {
        return "tf-savedmodel-only";
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.SAVED_MODEL);
    }

    @Override
    public List<OptionSpec> options() {
        return tf.options();
    }

    @Override
    public BackendInfo info() {
        return tf.info();
    }

    @Override
    public ModelSession open(ModelLoadRequest request) throws BackendException {
        if (request.format() != ModelFormat.SAVED_MODEL) {
            throw new BackendException("tf-savedmodel-only loads SavedModels only, got " + request.format());
        }
        return tf.open(request);
    }
}
