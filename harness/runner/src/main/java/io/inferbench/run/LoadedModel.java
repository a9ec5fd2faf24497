package io.inferbench.run;

import io.inferbench.api.BackendProvider;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;

/**
 * The load step of a configuration's run: its model opened in a session, and how long that took.
 * Closing it closes the session.
 *
 * @param session the open session
 * @param loadMs  wall time of {@link BackendProvider#open}
 */
public record LoadedModel(ModelSession session, double loadMs) implements AutoCloseable {
    /**
     * Opens {@code pc}'s model (the converted one when preflight converted it) on its device with its
     * backend options. Blocking; seconds for a real model.
     *
     * @throws Exception whatever the backend throws: the caller turns it into the configuration's outcome
     */
    /**
     * {@link #open} with the adapter's class loader as the thread's context class loader while loading:
     * DJL finds its engines through it when the adapter lives in a class loader of its own (adapter
     * folders). For callers outside a run's configuration executor (serve, the JMH fixture).
     */
    public static LoadedModel openInAdapterContext(BackendProvider provider, PreparedConfiguration pc)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(provider.getClass().getClassLoader());
        try {
            return open(provider, pc);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    public static LoadedModel open(BackendProvider provider, PreparedConfiguration pc) throws Exception {
        var c = pc.spec();
        long t0 = System.nanoTime();
        ModelSession session = provider.open(new ModelLoadRequest(pc.model().path(), pc.loadFormat(),
                c.hardware().device(), c.backend().options()));
        return new LoadedModel(session, (System.nanoTime() - t0) / 1e6);
    }

    @Override
    public void close() {
        session.close();
    }
}
