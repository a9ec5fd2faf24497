package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.inferbench.adapter.support.OptionKey;
import io.inferbench.api.BackendException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario options this adapter accepts, parsed, and applied to ONNX Runtime
 * {@link SessionOptions}. Device selection is not here: {@link OrtModelSession} adds it.
 *
 * @param intraOpThreads    threads inside one operator; 0 lets ONNX Runtime choose
 * @param interOpThreads    threads across operators (PARALLEL mode); 0 lets ONNX Runtime choose
 * @param graphOptimization NO, BASIC, EXTENDED or ALL
 * @param executionMode     SEQUENTIAL or PARALLEL
 * @param allowSpinning     whether idle pool threads spin instead of sleeping
 * @param memoryPattern     whether ONNX Runtime pre-plans allocations from the first run's shapes
 * @param cpuArena          whether CPU memory comes from an arena
 */
record OrtOptions(int intraOpThreads, int interOpThreads, String graphOptimization, String executionMode,
                  boolean allowSpinning, boolean memoryPattern, boolean cpuArena) {

    static final OptionKey<Integer> INTRA_OP_THREADS = OptionKey.threads("intra-op-threads",
            "threads used inside one operator; 0 = onnxruntime default (one per physical core)");
    static final OptionKey<Integer> INTER_OP_THREADS = OptionKey.threads("inter-op-threads",
            "threads used to run independent operators in PARALLEL mode; 0 = onnxruntime default");
    static final OptionKey<String> GRAPH_OPTIMIZATION = OptionKey.choice("graph-optimization", "ALL",
            List.of("NO", "BASIC", "EXTENDED", "ALL"), "graph optimization level applied when the model is loaded");
    static final OptionKey<String> EXECUTION_MODE = OptionKey.choice("execution-mode", "SEQUENTIAL",
            List.of("SEQUENTIAL", "PARALLEL"), "run operators one at a time, or independent branches in parallel");
    static final OptionKey<Boolean> ALLOW_SPINNING = OptionKey.bool("allow-spinning", true,
            "idle thread-pool threads spin (lower latency, burns CPU) instead of sleeping");
    static final OptionKey<Boolean> MEMORY_PATTERN = OptionKey.bool("memory-pattern", true,
            "pre-plan memory from the first run's shapes (helps when shapes do not change)");
    static final OptionKey<Boolean> CPU_ARENA = OptionKey.bool("cpu-arena", true, "allocate CPU memory from an arena");

    private static final Map<String, OptLevel> OPT_LEVELS = Map.of(
            "NO", OptLevel.NO_OPT, "BASIC", OptLevel.BASIC_OPT,
            "EXTENDED", OptLevel.EXTENDED_OPT, "ALL", OptLevel.ALL_OPT);

    /** What {@code BackendProvider.options()} reports. */
    static final List<OptionSpec> SPECS = OptionKey.specs(INTRA_OP_THREADS, INTER_OP_THREADS, GRAPH_OPTIMIZATION,
            EXECUTION_MODE, ALLOW_SPINNING, MEMORY_PATTERN, CPU_ARENA);

    OrtOptions {
        if (!OPT_LEVELS.containsKey(graphOptimization)) {
            throw new IllegalArgumentException(GRAPH_OPTIMIZATION.name() + " must be one of NO, BASIC, EXTENDED, ALL,"
                    + " got " + graphOptimization);
        }
        if (!executionMode.equals("SEQUENTIAL") && !executionMode.equals("PARALLEL")) {
            throw new IllegalArgumentException(EXECUTION_MODE.name() + " must be SEQUENTIAL or PARALLEL, got "
                    + executionMode);
        }
    }

    /** Reads the options of a request; missing ones take the defaults of {@link #SPECS}. */
    static OrtOptions from(ModelLoadRequest request) throws BackendException {
        try {
            return new OrtOptions(INTRA_OP_THREADS.read(request), INTER_OP_THREADS.read(request),
                    GRAPH_OPTIMIZATION.read(request), EXECUTION_MODE.read(request), ALLOW_SPINNING.read(request),
                    MEMORY_PATTERN.read(request), CPU_ARENA.read(request));
        } catch (IllegalArgumentException e) {
            throw new BackendException("invalid onnxruntime option: " + e.getMessage());
        }
    }

    /** New session options with these settings; the caller closes them. */
    SessionOptions toSessionOptions() throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setOptimizationLevel(OPT_LEVELS.get(graphOptimization));
            options.setExecutionMode(ExecutionMode.valueOf(executionMode));
            // 0 means "not set": ONNX Runtime then sizes its pools itself.
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            if (interOpThreads > 0) {
                options.setInterOpNumThreads(interOpThreads);
            }
            String spin = allowSpinning ? "1" : "0";
            options.addConfigEntry("session.intra_op.allow_spinning", spin);
            options.addConfigEntry("session.inter_op.allow_spinning", spin);
            options.setMemoryPatternOptimization(memoryPattern);
            options.setCPUArenaAllocator(cpuArena);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** The settings as display strings keyed by option name, for {@code ModelSession.properties()}. */
    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(INTRA_OP_THREADS.name(), threadsText(intraOpThreads));
        m.put(INTER_OP_THREADS.name(), threadsText(interOpThreads));
        m.put(GRAPH_OPTIMIZATION.name(), graphOptimization);
        m.put(EXECUTION_MODE.name(), executionMode);
        m.put(ALLOW_SPINNING.name(), Boolean.toString(allowSpinning));
        m.put(MEMORY_PATTERN.name(), Boolean.toString(memoryPattern));
        m.put(CPU_ARENA.name(), Boolean.toString(cpuArena));
        return m;
    }

    private static String threadsText(int n) {
        return n == 0 ? "0 (onnxruntime default)" : Integer.toString(n);
    }
}
