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
        // The adapter's loader as context loader while loading, as the JMH fixture does: DJL finds its
        // engines through it when the adapter lives in a class loader of its own.
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(provider.getClass().getClassLoader());
        LoadedModel loaded;
        try {
            loaded = LoadedModel.open(provider, pc);
        } finally {
            thread.setContextClassLoader(context);
        }
        try {
            return new ServedModel(name == null ? pc.spec().model().name() : name, VERSION, provider.name(),
                    loaded.session());
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }
}
