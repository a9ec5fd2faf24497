package io.inferbench.serve;

import io.inferbench.api.BackendProvider;
import io.inferbench.run.LoadedModel;
import io.inferbench.run.PreparedConfiguration;

/**
 * A scenario configuration's model, opened to be served exactly as a run opens it
 * ({@link LoadedModel#open}: the converted model when preflight converted it, the configuration's
 * device and backend options).
 */
public final class ServedModels {
    /** The version every served model has: InferBench serves one version of one model. */
    public static final String VERSION = "1";

    private ServedModels() {
    }

    /**
     * Loads {@code pc}'s model. Blocking; seconds for a real model. The caller closes the session
     * ({@code served.session().close()}) after the server.
     *
     * @param name the model's name in the URLs; null for the scenario's {@code model.name}
     */
    public static ServedModel open(BackendProvider provider, PreparedConfiguration pc, String name) throws Exception {
        LoadedModel loaded = LoadedModel.openInAdapterContext(provider, pc);
        try {
            return new ServedModel(name == null ? pc.spec().model().name() : name, VERSION, provider.name(),
                    loaded.session());
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }
}
