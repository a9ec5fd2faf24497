package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.OptionKey;
import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.OptimizerOptions.GlobalJitLevel;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.proto.RewriterConfig.NumIterationsType;
import org.tensorflow.proto.RewriterConfig.Toggle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The scenario options this adapter accepts, parsed, and turned into a TensorFlow {@link ConfigProto}.
 *
 * @param intraOpThreads     threads inside one operator; 0 lets TensorFlow choose
 * @param interOpThreads     threads across independent operators; 0 lets TensorFlow choose
 * @param xla                XLA JIT auto-clustering ({@code global_jit_level} ON_1) instead of OFF
 * @param grappler           {@code default}, {@code off} (no graph rewriting) or {@code aggressive}
 * @param oneDnn             requested value of {@code TF_ENABLE_ONEDNN_OPTS}
 * @param signature          SavedModel signature to run
 * @param allowSoftPlacement let TensorFlow move ops without a kernel on the chosen device to the CPU
 */
record TfOptions(int intraOpThreads, int interOpThreads, boolean xla, String grappler, boolean oneDnn,
                 String signature, boolean allowSoftPlacement) {

    static final String DEFAULT_SIGNATURE = "serving_default";
    static final String ONEDNN_ENV = "TF_ENABLE_ONEDNN_OPTS";
    static final List<String> GRAPPLER_MODES = List.of("default", "off", "aggressive");

    static final OptionKey<Integer> INTRA_OP_THREADS = OptionKey.threads("intra-op-threads",
            "threads used inside one operator; 0 = tensorflow default (one per logical core)");
    static final OptionKey<Integer> INTER_OP_THREADS = OptionKey.threads("inter-op-threads",
            "threads used to run independent operators; 0 = tensorflow default");
    static final OptionKey<Boolean> XLA = OptionKey.bool("xla", false,
            "XLA JIT auto-clustering (global_jit_level ON_1) instead of OFF. On the CPU it also needs"
                    + " TF_XLA_FLAGS=--tf_xla_cpu_global_jit in the environment");
    static final OptionKey<String> GRAPPLER = OptionKey.choice("grappler", "default", GRAPPLER_MODES,
            "grappler graph rewriting: default, off (meta optimizer disabled) or aggressive (constant folding,"
                    + " arithmetic and layout optimizers AGGRESSIVE)");
    static final OptionKey<Boolean> ONEDNN = OptionKey.bool("onednn", true, "oneDNN optimisations (env"
            + " TF_ENABLE_ONEDNN_OPTS, read once per JVM: a different value applies only in a forked JVM, and is"
            + " reported)");
    static final OptionKey<String> SIGNATURE = OptionKey.string("signature", DEFAULT_SIGNATURE,
            "SavedModel signature to run; an unknown one fails with the list of available signatures");
    static final OptionKey<Boolean> ALLOW_SOFT_PLACEMENT = OptionKey.bool("allow-soft-placement", true,
            "place ops that have no kernel on the chosen device on the CPU instead of failing");

    /** What {@code BackendProvider.options()} reports. */
    static final List<OptionSpec> SPECS = OptionKey.specs(INTRA_OP_THREADS, INTER_OP_THREADS, XLA, GRAPPLER, ONEDNN,
            SIGNATURE, ALLOW_SOFT_PLACEMENT);

    TfOptions {
        if (!GRAPPLER_MODES.contains(grappler)) {
            throw new IllegalArgumentException(GRAPPLER.name() + " must be one of " + String.join(", ", GRAPPLER_MODES)
                    + ", got " + grappler);
        }
        if (signature.isBlank()) {
            throw new IllegalArgumentException(SIGNATURE.name() + " must not be empty");
        }
    }

    /** Reads the options of a request; missing ones take the defaults of {@link #SPECS}. */
    static TfOptions from(ModelLoadRequest request) throws BackendException {
        try {
            return new TfOptions(INTRA_OP_THREADS.read(request), INTER_OP_THREADS.read(request), XLA.read(request),
                    GRAPPLER.read(request), ONEDNN.read(request), SIGNATURE.read(request),
                    ALLOW_SOFT_PLACEMENT.read(request));
        } catch (IllegalArgumentException e) {
            throw new BackendException("invalid tensorflow option: " + e.getMessage());
        }
    }

    /**
     * The session configuration for {@code device}. A GPU is selected by making only that one visible
     * (it becomes {@code /GPU:0} inside the session); the CPU by hiding every GPU, so a GPU build
     * places nothing on a GPU either.
     */
    ConfigProto toConfigProto(Device device) {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads)
                .setAllowSoftPlacement(allowSoftPlacement);
        if (device.kind() == Device.Kind.GPU) {
            config.setGpuOptions(GPUOptions.newBuilder()
                    .setVisibleDeviceList(Integer.toString(device.id()))
                    .setAllowGrowth(true));
        } else {
            config.putDeviceCount("GPU", 0);
        }
        GraphOptions.Builder graph = GraphOptions.newBuilder()
                .setOptimizerOptions(OptimizerOptions.newBuilder()
                        .setGlobalJitLevel(xla ? GlobalJitLevel.ON_1 : GlobalJitLevel.OFF));
        RewriterConfig rewriter = rewriterConfig();
        if (rewriter != null) {
            graph.setRewriteOptions(rewriter);
        }
        return config.setGraphOptions(graph).build();
    }

    /** Grappler's settings; {@code null} for TensorFlow's defaults. */
    RewriterConfig rewriterConfig() {
        return switch (grappler) {
            case "off" -> RewriterConfig.newBuilder().setDisableMetaOptimizer(true).build();
            case "aggressive" -> RewriterConfig.newBuilder()
                    .setConstantFolding(Toggle.AGGRESSIVE)
                    .setArithmeticOptimization(Toggle.AGGRESSIVE)
                    .setLayoutOptimizer(Toggle.AGGRESSIVE)
                    .setRemapping(Toggle.ON)
                    .setMetaOptimizerIterations(NumIterationsType.TWO)
                    .build();
            default -> null;
        };
    }

    /**
     * Whether oneDNN is on in this JVM: {@code TF_ENABLE_ONEDNN_OPTS} if it holds a boolean
     * TensorFlow accepts ({@code true/false/1/0}), else TensorFlow's default for this CPU.
     */
    static boolean effectiveOneDnn(UnaryOperator<String> environment) {
        String value = environment.apply(ONEDNN_ENV);
        if (value != null) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("1") || v.equals("true")) {
                return true;
            }
            if (v.equals("0") || v.equals("false")) {
                return false;
            }
        }
        return TfDevices.oneDnnDefault();
    }

    /** The settings as display strings keyed by option name, for {@code ModelSession.properties()}. */
    Map<String, String> describe(UnaryOperator<String> environment) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(INTRA_OP_THREADS.name(), threadsText(intraOpThreads));
        m.put(INTER_OP_THREADS.name(), threadsText(interOpThreads));
        m.put(XLA.name(), xla ? "true (global_jit_level ON_1)" : "false (global_jit_level OFF)");
        String xlaFlags = environment.apply("TF_XLA_FLAGS");
        if (xla && (xlaFlags == null || !xlaFlags.contains("tf_xla_cpu_global_jit"))) {
            m.put("xla-note", "on the CPU, auto-clustering also needs TF_XLA_FLAGS=--tf_xla_cpu_global_jit"
                    + " in the JVM's environment; without it XLA clusters GPU ops only");
        }
        m.put(GRAPPLER.name(), switch (grappler) {
            case "off" -> "off (meta optimizer disabled)";
            case "aggressive" -> "aggressive (constant folding, arithmetic and layout AGGRESSIVE, 2 iterations)";
            default -> "default";
        });
        boolean effective = effectiveOneDnn(environment);
        String source = environment.apply(ONEDNN_ENV) == null ? " (tensorflow default on this CPU)"
                : " (" + ONEDNN_ENV + "=" + environment.apply(ONEDNN_ENV) + ")";
        m.put(ONEDNN.name(), effective + source);
        if (effective != oneDnn) {
            m.put("onednn-requested", Boolean.toString(oneDnn));
            m.put("onednn-note", "requested onednn=" + oneDnn + " but this JVM runs with " + effective + ": "
                    + ONEDNN_ENV + " is read once per process when TensorFlow loads, so the request applies only"
                    + " in a forked JVM started with " + ONEDNN_ENV + "=" + (oneDnn ? "1" : "0"));
        }
        m.put(SIGNATURE.name(), signature);
        m.put(ALLOW_SOFT_PLACEMENT.name(), Boolean.toString(allowSoftPlacement));
        return m;
    }

    /** The environment a forked JVM needs for the requested oneDNN setting to apply. */
    Map<String, String> environment() {
        return Map.of(ONEDNN_ENV, oneDnn ? "1" : "0");
    }

    private static String threadsText(int n) {
        return n == 0 ? "0 (tensorflow default)" : Integer.toString(n);
    }
}
