package io.inferbench.run.backends;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.TensorSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the harness asks of a backend before running it: its {@link BackendInfo} (versions,
 * devices) and a model's declared inputs and outputs. Both may load native libraries, so with
 * adapter folders the parent asks a child JVM ({@link io.inferbench.run.ChildProbe}); in one
 * class path, or {@code --in-process}, it asks the provider here ({@link #inProcess}).
 */
public interface BackendProbe {
    /**
     * A model to open on the CPU, to read its inputs and outputs, with the configuration's backend
     * options (so that the backend's own checks of them run before anything is measured).
     */
    record ModelQuery(String backend, Path model, ModelFormat format, Map<String, Object> options) {
        public ModelQuery {
            options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
        }

        /** With the backend's default options. */
        public ModelQuery(String backend, Path model, ModelFormat format) {
            this(backend, model, format, Map.of());
        }
    }

    /**
     * What opening it showed, or why it could not be opened ({@code failure}); {@code skipped} when
     * the backend declined it (a model it does not support, a device it does not have), which a run
     * records as skipped rather than failed.
     */
    record ModelShape(List<TensorSpec> inputs, List<TensorSpec> outputs, String failure, boolean skipped) {
        public ModelShape {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public ModelShape(List<TensorSpec> inputs, List<TensorSpec> outputs, String failure) {
            this(inputs, outputs, failure, false);
        }

        public static ModelShape failed(String why) {
            return new ModelShape(List.of(), List.of(), why == null ? "unknown failure" : why, false);
        }

        public static ModelShape declined(String why) {
            return new ModelShape(List.of(), List.of(), why == null ? "declined" : why, true);
        }
    }

    /** The backend's info; never throws (problems become notes). */
    BackendInfo info(String backend);

    /** Each query's answer. */
    Map<ModelQuery, ModelShape> describe(Collection<ModelQuery> queries);

    /** Asks the providers in this JVM. */
    static BackendProbe inProcess(Map<String, BackendProvider> providers) {
        return new BackendProbe() {
            @Override
            public BackendInfo info(String backend) {
                return providers.get(backend).info();
            }

            @Override
            public Map<ModelQuery, ModelShape> describe(Collection<ModelQuery> queries) {
                Map<ModelQuery, ModelShape> out = new LinkedHashMap<>();
                for (ModelQuery q : queries) {
                    out.put(q, describeHere(providers.get(q.backend()), q));
                }
                return out;
            }
        };
    }

    /** Opens the query's model with {@code provider} in this JVM. */
    static ModelShape describeHere(BackendProvider provider, ModelQuery q) {
        // The adapter's loader as context loader: plug-in discovery inside the library (DJL's engines) needs it.
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(provider.getClass().getClassLoader());
        try (ModelSession s = provider.open(new ModelLoadRequest(q.model(), q.format(), Device.CPU, q.options()))) {
            return new ModelShape(s.inputs(), s.outputs(), null);
        } catch (io.inferbench.api.UnsupportedModelException | io.inferbench.api.DeviceUnavailableException e) {
            return ModelShape.declined(e.getMessage());
        } catch (BackendException | RuntimeException e) {
            return ModelShape.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
