package io.inferbench.api.accuracy;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The evaluators on the class path, by name (built-in ones and users' plug-ins alike). */
public final class Evaluators {
    private static volatile Map<String, Evaluator> installed;

    private Evaluators() {
    }

    /** Every evaluator {@link ServiceLoader} finds, by name; a broken plug-in is left out, not fatal. */
    public static Map<String, Evaluator> installed() {
        Map<String, Evaluator> m = installed;
        if (m == null) {
            Map<String, Evaluator> found = new TreeMap<>();
            var it = ServiceLoader.load(Evaluator.class, Evaluators.class.getClassLoader()).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    Evaluator e = it.next();
                    found.putIfAbsent(e.name(), e);
                } catch (ServiceConfigurationError e) {
                    System.err.println("warning: an accuracy evaluator could not be loaded: " + e.getMessage());
                }
            }
            m = Collections.unmodifiableMap(found);
            installed = m;
        }
        return m;
    }
}
