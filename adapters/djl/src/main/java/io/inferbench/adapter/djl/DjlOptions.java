package io.inferbench.adapter.djl;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario options of a DJL backend, parsed. Which ones a backend accepts depends on its engine
 * ({@link #specs}); the others keep their defaults.
 *
 * @param intraOpThreads    threads inside one operator; 0 lets the engine choose
 * @param interOpThreads    threads across independent operators; 0 lets the engine choose
 * @param metrics           whether each Predictor records DJL's pre/infer/post split
 * @param graphOptimization OnnxRuntime: NO, BASIC, EXTENDED or ALL
 * @param signature         TensorFlow: the SavedModel signature to run
 * @param oneDnn            TensorFlow: requested {@code TF_ENABLE_ONEDNN_OPTS}
 * @param inputSpecs        PyTorch: the TorchScript's inputs, which the file does not declare
 */
record DjlOptions(int intraOpThreads, int interOpThreads, boolean metrics, String graphOptimization,
                  String signature, boolean oneDnn, List<io.inferbench.api.TensorSpec> inputSpecs) {

    static final String INTRA_OP_THREADS = "intra-op-threads";
    static final String INTER_OP_THREADS = "inter-op-threads";
    static final String METRICS = "djl-metrics";
    static final String GRAPH_OPTIMIZATION = "graph-optimization";
    static final String SIGNATURE = "signature";
    static final String ONEDNN = "onednn";
    static final String INPUT_SPECS = "input-specs";

    static final String DEFAULT_SIGNATURE = "serving_default";
    static final List<String> OPT_LEVELS = List.of("NO", "BASIC", "EXTENDED", "ALL");

    DjlOptions {
        inputSpecs = List.copyOf(inputSpecs);
        if (!OPT_LEVELS.contains(graphOptimization)) {
            throw new IllegalArgumentException(GRAPH_OPTIMIZATION + " must be one of " + String.join(", ", OPT_LEVELS)
                    + ", got " + graphOptimization);
        }
        if (signature.isBlank()) {
            throw new IllegalArgumentException(SIGNATURE + " must not be empty");
        }
    }

    /** What {@code BackendProvider.options()} reports for {@code engine}. */
    static List<OptionSpec> specs(DjlEngine engine) {
        List<OptionSpec> specs = new ArrayList<>();
        specs.add(OptionSpec.integer(INTRA_OP_THREADS, 0L, 0, "threads used inside one operator; 0 = engine default"
                + threadNote(engine)));
        specs.add(OptionSpec.integer(INTER_OP_THREADS, 0L, 0, "threads used to run independent operators;"
                + " 0 = engine default" + threadNote(engine)));
        specs.add(OptionSpec.bool(METRICS, false, "record DJL's Preprocess/Inference/Postprocess split on each"
                + " Predictor (reported in the session properties; adds clock reads to every timed call)"));
        switch (engine) {
            case ONNXRUNTIME -> specs.add(OptionSpec.choice(GRAPH_OPTIMIZATION, "ALL", OPT_LEVELS,
                    "ONNX Runtime graph optimization level applied when the model is loaded"));
            case TENSORFLOW -> {
                specs.add(OptionSpec.string(SIGNATURE, DEFAULT_SIGNATURE, "SavedModel signature to run; an unknown one"
                        + " fails with the list of available signatures"));
                specs.add(OptionSpec.bool(ONEDNN, true, "oneDNN optimisations (env TF_ENABLE_ONEDNN_OPTS, read once"
                        + " per JVM: a different value applies only in a forked JVM)"));
            }
            case PYTORCH -> specs.add(OptionSpec.string(INPUT_SPECS, "", "the TorchScript's inputs, which the file"
                    + " does not declare: name:dtype[dims];... with -1 for a dynamic dimension,"
                    + " e.g. x:float32[-1,3,48,192]"));
        }
        return List.copyOf(specs);
    }

    private static String threadNote(DjlEngine engine) {
        return engine == DjlEngine.PYTORCH ? " (PyTorch: per JVM, set when the engine loads)" : "";
    }

    /** Reads the options of a request; missing ones take the defaults of {@link #specs}. */
    static DjlOptions from(ModelLoadRequest request, DjlEngine engine) throws BackendException {
        List<String> known = specs(engine).stream().map(OptionSpec::name).toList();
        for (String name : request.options().keySet()) {
            if (!known.contains(name)) {
                throw new BackendException("invalid " + engine.backendName() + " option '" + name + "': known options"
                        + " are " + String.join(", ", known));
            }
        }
        try {
            return new DjlOptions(
                    threads(request, INTRA_OP_THREADS),
                    threads(request, INTER_OP_THREADS),
                    request.booleanOption(METRICS, false),
                    request.stringOption(GRAPH_OPTIMIZATION, "ALL").toUpperCase(Locale.ROOT),
                    request.stringOption(SIGNATURE, DEFAULT_SIGNATURE),
                    request.booleanOption(ONEDNN, true),
                    DjlInputSpecs.parse(request.stringOption(INPUT_SPECS, "")));
        } catch (IllegalArgumentException e) {
            throw new BackendException("invalid " + engine.backendName() + " option: " + e.getMessage());
        }
    }

    private static int threads(ModelLoadRequest request, String name) {
        long n = request.longOption(name, 0);
        if (n < 0 || n > Short.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 0 and " + Short.MAX_VALUE + ", got " + n);
        }
        return (int) n;
    }

    /** DJL's OnnxRuntime model option {@code optLevel}. */
    String ortOptLevel() {
        return graphOptimization + "_OPT";
    }

    /**
     * Environment variables that only take effect when the engine's library loads, for
     * {@code BackendProvider.environment}: DJL_OFFLINE (DJL reads the variable before the
     * {@code ai.djl.offline} property, so an inherited {@code DJL_OFFLINE=false} would win),
     * TF_ENABLE_ONEDNN_OPTS for TensorFlow, and OMP_NUM_THREADS for libtorch's OpenMP pool.
     */
    static Map<String, String> environment(DjlEngine engine, Map<String, Object> options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DjlRuntime.OFFLINE_ENV, "true");
        if (engine == DjlEngine.TENSORFLOW) {
            env.put("TF_ENABLE_ONEDNN_OPTS", Boolean.FALSE.equals(options.get(ONEDNN)) ? "0" : "1");
        }
        if (engine == DjlEngine.PYTORCH && options.get(INTRA_OP_THREADS) instanceof Number n && n.longValue() > 0) {
            env.put("OMP_NUM_THREADS", Long.toString(n.longValue()));
        }
        return env;
    }

    /** The settings as display strings keyed by option name, for {@code ModelSession.properties()}. */
    Map<String, String> describe(DjlEngine engine) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(INTRA_OP_THREADS, intraOpThreads == 0 ? "0 (engine default)" : Integer.toString(intraOpThreads));
        m.put(INTER_OP_THREADS, interOpThreads == 0 ? "0 (engine default)" : Integer.toString(interOpThreads));
        m.put(METRICS, Boolean.toString(metrics));
        switch (engine) {
            case ONNXRUNTIME -> m.put(GRAPH_OPTIMIZATION, graphOptimization);
            case TENSORFLOW -> m.put(SIGNATURE, signature);
            case PYTORCH -> m.put(INPUT_SPECS, DjlInputSpecs.format(inputSpecs));
        }
        return m;
    }
}
