package io.inferbench.adapter.djl;

/** The {@code djl-pytorch} backend: DJL's PyTorch engine. See {@link DjlBackendProvider}. */
public final class DjlPyTorchProvider extends DjlBackendProvider {
    /** For {@link java.util.ServiceLoader}. */
    public DjlPyTorchProvider() {
        super(DjlEngine.PYTORCH);
    }
}
