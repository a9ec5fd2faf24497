package io.inferbench.adapter.djl;

import io.inferbench.adapter.support.OptionKey;
import io.inferbench.api.BackendException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final String DEFAULT_SIGNATURE = "serving_default";
    static final List<String> OPT_LEVELS = List.of("NO", "BASIC", "EXTENDED", "ALL");

    static final OptionKey<Boolean> METRICS = OptionKey.bool("djl-metrics", false, "record DJL's"
            + " Preprocess/Inference/Postprocess split on each Predictor (reported in the session properties; adds"
            + " clock reads to every timed call)");
    static final OptionKey<String> GRAPH_OPTIMIZATION = OptionKey.choice("graph-optimization", "ALL", OPT_LEVELS,
            "ONNX Runtime graph optimization level applied when the model is loaded");
    static final OptionKey<String> SIGNATURE = OptionKey.string("signature", DEFAULT_SIGNATURE,
            "SavedModel signature to run; an unknown one fails with the list of available signatures");
    static final OptionKey<Boolean> ONEDNN = OptionKey.bool("onednn", true, "oneDNN optimisations (env"
            + " TF_ENABLE_ONEDNN_OPTS, read once per JVM: a different value applies only in a forked JVM)");
    static final OptionKey<String> INPUT_SPECS = OptionKey.string("input-specs", "", "the TorchScript's inputs,"
            + " which the file does not declare: name:dtype[dims];... with -1 for a dynamic dimension,"
            + " e.g. x:float32[-1,3,48,192]");

    DjlOptions {
        inputSpecs = List.copyOf(inputSpecs);
        if (!OPT_LEVELS.contains(graphOptimization)) {
            throw new IllegalArgumentException(GRAPH_OPTIMIZATION.name() + " must be one of "
                    + String.join(", ", OPT_LEVELS) + ", got " + graphOptimization);
        }
        if (signature.isBlank()) {
            throw new IllegalArgumentException(SIGNATURE.name() + " must not be empty");
        }
    }

    /** What {@code BackendProvider.options()} reports for {@code engine}. */
    static List<OptionSpec> specs(DjlEngine engine) {
        return keys(engine).stream().map(OptionKey::spec).toList();
    }

    /** The options of {@code engine}: threads and metrics for all, then the engine's own. */
    private static List<OptionKey<?>> keys(DjlEngine engine) {
        List<OptionKey<?>> keys = new ArrayList<>(List.of(intraOpThreads(engine), interOpThreads(engine), METRICS));
        switch (engine) {
            case ONNXRUNTIME -> keys.add(GRAPH_OPTIMIZATION);
            case TENSORFLOW -> keys.addAll(List.of(SIGNATURE, ONEDNN));
            case PYTORCH -> keys.add(INPUT_SPECS);
        }
        return List.copyOf(keys);
    }

    private static OptionKey<Integer> intraOpThreads(DjlEngine engine) {
        return OptionKey.threads(INTRA_OP_THREADS, "threads used inside one operator; 0 = engine default"
                + threadNote(engine));
    }

    private static OptionKey<Integer> interOpThreads(DjlEngine engine) {
        return OptionKey.threads(INTER_OP_THREADS, "threads used to run independent operators; 0 = engine default"
                + threadNote(engine));
    }

    private static String threadNote(DjlEngine engine) {
        return engine == DjlEngine.PYTORCH ? " (PyTorch: per JVM, set when the engine loads)" : "";
    }

    /**
     * Reads the options of a request; missing ones take the defaults of {@link #specs}, and the engine's
     * own options those defaults on other engines.
     */
    static DjlOptions from(ModelLoadRequest request, DjlEngine engine) throws BackendException {
        List<String> known = specs(engine).stream().map(OptionSpec::name).toList();
        for (String name : request.options().keySet()) {
            if (!known.contains(name)) {
                throw new BackendException("invalid " + engine.backendName() + " option '" + name + "': known options"
                        + " are " + String.join(", ", known));
            }
        }
        try {
            return new DjlOptions(intraOpThreads(engine).read(request), interOpThreads(engine).read(request),
                    METRICS.read(request), GRAPH_OPTIMIZATION.read(request), SIGNATURE.read(request),
                    ONEDNN.read(request), DjlInputSpecs.parse(INPUT_SPECS.read(request)));
        } catch (IllegalArgumentException e) {
            throw new BackendException("invalid " + engine.backendName() + " option: " + e.getMessage());
        }
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
            env.put("TF_ENABLE_ONEDNN_OPTS", Boolean.FALSE.equals(options.get(ONEDNN.name())) ? "0" : "1");
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
        m.put(METRICS.name(), Boolean.toString(metrics));
        switch (engine) {
            case ONNXRUNTIME -> m.put(GRAPH_OPTIMIZATION.name(), graphOptimization);
            case TENSORFLOW -> m.put(SIGNATURE.name(), signature);
            case PYTORCH -> m.put(INPUT_SPECS.name(), DjlInputSpecs.format(inputSpecs));
        }
        return m;
    }
}
