package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.inferbench.api.BackendException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    static final String INTRA_OP_THREADS = "intra-op-threads";
    static final String INTER_OP_THREADS = "inter-op-threads";
    static final String GRAPH_OPTIMIZATION = "graph-optimization";
    static final String EXECUTION_MODE = "execution-mode";
    static final String ALLOW_SPINNING = "allow-spinning";
    static final String MEMORY_PATTERN = "memory-pattern";
    static final String CPU_ARENA = "cpu-arena";

    private static final Map<String, OptLevel> OPT_LEVELS = Map.of(
            "NO", OptLevel.NO_OPT, "BASIC", OptLevel.BASIC_OPT,
            "EXTENDED", OptLevel.EXTENDED_OPT, "ALL", OptLevel.ALL_OPT);

    /** What {@code BackendProvider.options()} reports. */
    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.integer(INTRA_OP_THREADS, 0L, 0,
                    "threads used inside one operator; 0 = onnxruntime default (one per physical core)"),
            OptionSpec.integer(INTER_OP_THREADS, 0L, 0,
                    "threads used to run independent operators in PARALLEL mode; 0 = onnxruntime default"),
            OptionSpec.choice(GRAPH_OPTIMIZATION, "ALL", List.of("NO", "BASIC", "EXTENDED", "ALL"),
                    "graph optimization level applied when the model is loaded"),
            OptionSpec.choice(EXECUTION_MODE, "SEQUENTIAL", List.of("SEQUENTIAL", "PARALLEL"),
                    "run operators one at a time, or independent branches in parallel"),
            OptionSpec.bool(ALLOW_SPINNING, true,
                    "idle thread-pool threads spin (lower latency, burns CPU) instead of sleeping"),
            OptionSpec.bool(MEMORY_PATTERN, true,
                    "pre-plan memory from the first run's shapes (helps when shapes do not change)"),
            OptionSpec.bool(CPU_ARENA, true, "allocate CPU memory from an arena"));

    OrtOptions {
        if (!OPT_LEVELS.containsKey(graphOptimization)) {
            throw new IllegalArgumentException(GRAPH_OPTIMIZATION + " must be one of NO, BASIC, EXTENDED, ALL, got "
                    + graphOptimization);
        }
        if (!executionMode.equals("SEQUENTIAL") && !executionMode.equals("PARALLEL")) {
            throw new IllegalArgumentException(EXECUTION_MODE + " must be SEQUENTIAL or PARALLEL, got "
                    + executionMode);
        }
    }

    /** Reads the options of a request; missing ones take the defaults of {@link #SPECS}. */
    static OrtOptions from(ModelLoadRequest request) throws BackendException {
        try {
            return new OrtOptions(
                    threads(request, INTRA_OP_THREADS),
                    threads(request, INTER_OP_THREADS),
                    request.stringOption(GRAPH_OPTIMIZATION, "ALL").toUpperCase(Locale.ROOT),
                    request.stringOption(EXECUTION_MODE, "SEQUENTIAL").toUpperCase(Locale.ROOT),
                    request.booleanOption(ALLOW_SPINNING, true),
                    request.booleanOption(MEMORY_PATTERN, true),
                    request.booleanOption(CPU_ARENA, true));
        } catch (IllegalArgumentException e) {
            throw new BackendException("invalid onnxruntime option: " + e.getMessage());
        }
    }

    private static int threads(ModelLoadRequest request, String name) {
        long n = request.longOption(name, 0);
        if (n < 0 || n > Short.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 0 and " + Short.MAX_VALUE + ", got " + n);
        }
        return (int) n;
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
        m.put(INTRA_OP_THREADS, threadsText(intraOpThreads));
        m.put(INTER_OP_THREADS, threadsText(interOpThreads));
        m.put(GRAPH_OPTIMIZATION, graphOptimization);
        m.put(EXECUTION_MODE, executionMode);
        m.put(ALLOW_SPINNING, Boolean.toString(allowSpinning));
        m.put(MEMORY_PATTERN, Boolean.toString(memoryPattern));
        m.put(CPU_ARENA, Boolean.toString(cpuArena));
        return m;
    }

    private static String threadsText(int n) {
        return n == 0 ? "0 (onnxruntime default)" : Integer.toString(n);
    }
}
