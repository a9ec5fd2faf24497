package io.inferbench.adapter.djl;

/** The {@code djl-tensorflow} backend: DJL's TensorFlow engine. See {@link DjlBackendProvider}. */
public final class DjlTensorFlowProvider extends DjlBackendProvider {
    /** For {@link java.util.ServiceLoader}. */
    public DjlTensorFlowProvider() {
        super(DjlEngine.TENSORFLOW);
    }
}
