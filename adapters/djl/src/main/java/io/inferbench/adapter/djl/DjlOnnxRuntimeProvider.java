package io.inferbench.adapter.djl;

/** The {@code djl-onnxruntime} backend: DJL's OnnxRuntime engine. See {@link DjlBackendProvider}. */
public final class DjlOnnxRuntimeProvider extends DjlBackendProvider {
    /** For {@link java.util.ServiceLoader}. */
    public DjlOnnxRuntimeProvider() {
        super(DjlEngine.ONNXRUNTIME);
    }
}
