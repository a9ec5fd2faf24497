package io.inferbench.run;

import io.inferbench.api.BackendProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The backends installed on the class path, found with {@link ServiceLoader}. */
public final class Backends {
    private final Map<String, BackendProvider> providers;
    private final List<String> problems;

    private Backends(Map<String, BackendProvider> providers, List<String> problems) {
        this.providers = Collections.unmodifiableMap(providers);
        this.problems = List.copyOf(problems);
    }

    public static Backends discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    public static Backends discover(ClassLoader loader) {
        Map<String, BackendProvider> found = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        var it = ServiceLoader.load(BackendProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                BackendProvider p = it.next();
                found.putIfAbsent(p.name(), p);
            } catch (ServiceConfigurationError | LinkageError e) {
                // One broken adapter must not hide the others.
                problems.add("a backend failed to load: " + e.getMessage());
            }
        }
        return new Backends(found, problems);
    }

    public Map<String, BackendProvider> byName() {
        return providers;
    }

    /** Adapters that failed to load, one line each. */
    public List<String> problems() {
        return problems;
    }
}
