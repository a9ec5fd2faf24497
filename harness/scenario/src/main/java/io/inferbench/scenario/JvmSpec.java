package io.inferbench.scenario;

import java.util.List;
import java.util.Map;

/**
 * The child JVM a configuration runs in ({@code run.jvm}): its maximum heap, extra JVM flags and
 * environment variables, on top of what the harness and the backend set. Applies to forked runs
 * only; a configuration run in the harness's own JVM ({@code --in-process}, {@code forks: 0}) cannot
 * change its heap or environment.
 *
 * @param heap        maximum heap as {@code -Xmx} takes it (e.g. {@code 2g}, {@code 512m}), or null for
 *                    the harness's default ({@code -Xmx4g})
 * @param args        JVM flags, each starting with {@code -}, after the harness's own (so they win)
 * @param environment variables set in the child's environment, after the backend's (so they win)
 */
public record JvmSpec(String heap, List<String> args, Map<String, String> environment) {
    /** Nothing beyond the harness's defaults. */
    public static final JvmSpec DEFAULT = new JvmSpec(null, List.of(), Map.of());

    public JvmSpec {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }

    /** The flags to add: {@code -Xmx} first when a heap is set, then {@link #args}. */
    public List<String> jvmFlags() {
        List<String> flags = new java.util.ArrayList<>();
        if (heap != null) {
            flags.add("-Xmx" + heap);
        }
        flags.addAll(args);
        return flags;
    }
}
