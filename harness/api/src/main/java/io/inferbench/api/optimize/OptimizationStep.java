package io.inferbench.api.optimize;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One optimization applied to an ONNX model, with its settings; validated when built (a bad setting is an
 * {@link IllegalArgumentException} naming the field and what it accepts). The pure-Java steps
 * ({@link Quantize} dynamic-int8, {@link Fp16}, {@link Prune}) are applied by {@link OnnxOptimizer}; the others
 * need a runtime or calibration data and are rejected by it with the reason.
 */
public sealed interface OptimizationStep
        permits OptimizationStep.Quantize, OptimizationStep.Fp16, OptimizationStep.Prune,
        OptimizationStep.GraphOptimize, OptimizationStep.Convert {

    /** The step's key, as written in a scenario's {@code optimization.steps} ({@code quantize}, {@code fp16}, ...). */
    String key();

    /** The settings in a scenario's spelling, for reports and cache keys ({@code mode=dynamic-int8, ...}). */
    String settings();

    /**
     * Weight quantization. Dynamic int8 as ONNX Runtime's {@code quantize_dynamic}: weights quantized offline,
     * activations at run time ({@code DynamicQuantizeLinear}); static int8 as QDQ with calibrated ranges.
     *
     * @param mode         dynamic-int8 or static-int8
     * @param weightType   int8 (symmetric, ONNX Runtime's default) or uint8 (asymmetric)
     * @param perChannel   one scale per output channel instead of per tensor (ONNX Runtime's default: false)
     * @param opTypes      the operator types to quantize
     * @param excludeNodes node names left alone
     * @param calibration  where static int8 takes its ranges from; null for dynamic
     */
    record Quantize(Mode mode, WeightType weightType, boolean perChannel, List<String> opTypes,
                    List<String> excludeNodes, Calibration calibration) implements OptimizationStep {
        /** ONNX Runtime's dynamic quantizer's operator types that have a pure-Java rewrite here. */
        public static final List<String> DEFAULT_OP_TYPES = List.of("MatMul", "Gemm", "Conv", "Gather");

        public Quantize {
            Objects.requireNonNull(mode, "quantize.mode: expected dynamic-int8 or static-int8");
            Objects.requireNonNull(weightType, "quantize.weight-type: expected int8 or uint8");
            opTypes = List.copyOf(opTypes == null ? DEFAULT_OP_TYPES : opTypes);
            excludeNodes = List.copyOf(excludeNodes == null ? List.of() : excludeNodes);
            if (opTypes.isEmpty()) {
                throw new IllegalArgumentException("quantize.op-types: expected at least one operator type");
            }
            if (mode == Mode.DYNAMIC_INT8 && calibration != null) {
                throw new IllegalArgumentException("quantize.calibration: dynamic-int8 computes activation ranges"
                        + " at run time and takes no calibration (use mode: static-int8)");
            }
            if (mode == Mode.STATIC_INT8 && calibration == null) {
                throw new IllegalArgumentException("quantize.calibration: static-int8 needs calibration data"
                        + " (calibration: {inputs: true} for samples of the scenario's inputs, or {dataset: FILE})");
            }
        }

        /** Dynamic int8 with ONNX Runtime's defaults: int8 weights, per tensor, the default operator types. */
        public static Quantize dynamicInt8() {
            return new Quantize(Mode.DYNAMIC_INT8, WeightType.INT8, false, null, null, null);
        }

        @Override
        public String key() {
            return "quantize";
        }

        @Override
        public String settings() {
            return "mode=" + mode.spelling() + ", weight-type=" + weightType.spelling() + ", per-channel=" + perChannel
                    + ", op-types=" + opTypes + (excludeNodes.isEmpty() ? "" : ", exclude-nodes=" + excludeNodes)
                    + (calibration == null ? "" : ", calibration=" + calibration);
        }

        /** How activations are quantized. */
        public enum Mode implements Spelled {
            DYNAMIC_INT8, STATIC_INT8;

            public static Mode parse(String value) {
                return Spelled.parse(Mode.class, "quantize.mode", value);
            }
        }

        /** The stored weights' integer type. */
        public enum WeightType implements Spelled {
            INT8, UINT8;

            public static WeightType parse(String value) {
                return Spelled.parse(WeightType.class, "quantize.weight-type", value);
            }
        }
    }

    /**
     * Static quantization's calibration: real samples of the scenario's inputs or a dataset.
     *
     * @param source  "inputs" (the scenario's inputs) or a dataset name
     * @param samples how many samples, at least 1
     * @param method  how a range is taken from the observed values
     */
    record Calibration(String source, int samples, Method method) {
        public Calibration {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("quantize.calibration: expected a dataset or inputs to calibrate on");
            }
            if (samples < 1) {
                throw new IllegalArgumentException("quantize.calibration.samples: expected at least 1, got " + samples);
            }
            Objects.requireNonNull(method, "quantize.calibration.method: expected minmax, percentile or entropy");
        }

        /** The range estimator. */
        public enum Method implements Spelled {
            MINMAX, PERCENTILE, ENTROPY;

            public static Method parse(String value) {
                return Spelled.parse(Method.class, "quantize.calibration.method", value);
            }
        }
    }

    /**
     * float32 to float16, as onnxconverter-common's {@code convert_float_to_float16}: float16 initializers and
     * compute, with casts at the graph's inputs and outputs (keep-io-types) and around the blocked operators.
     *
     * @param keepIoTypes  keep float32 graph inputs and outputs (Casts at the boundary)
     * @param opBlockList  operators kept in float32; null for onnxconverter-common's default list
     */
    record Fp16(boolean keepIoTypes, List<String> opBlockList) implements OptimizationStep {
        /** onnxconverter-common's {@code DEFAULT_OP_BLOCK_LIST}: ops without (reliable) float16 kernels. */
        public static final List<String> DEFAULT_OP_BLOCK_LIST = List.of("ArrayFeatureExtractor", "Binarizer",
                "CastMap", "CategoryMapper", "DictVectorizer", "FeatureVectorizer", "Imputer", "LabelEncoder",
                "LinearClassifier", "LinearRegressor", "Normalizer", "OneHotEncoder", "RandomUniformLike",
                "SVMClassifier", "SVMRegressor", "Scaler", "TreeEnsembleClassifier", "TreeEnsembleRegressor",
                "ZipMap", "NonMaxSuppression", "TopK", "RoiAlign", "Resize", "Range", "CumSum", "Min", "Max",
                "Upsample");

        public Fp16 {
            opBlockList = List.copyOf(opBlockList == null ? DEFAULT_OP_BLOCK_LIST : opBlockList);
        }

        @Override
        public String key() {
            return "fp16";
        }

        @Override
        public String settings() {
            return "keep-io-types=" + keepIoTypes
                    + (opBlockList.equals(DEFAULT_OP_BLOCK_LIST) ? "" : ", op-block-list=" + opBlockList);
        }
    }

    /**
     * Magnitude pruning of weight initializers (MatMul/Gemm B, Conv W). The model stays dense: zeros are
     * stored and computed like any value, so this measures what dense kernels do with sparse weights.
     *
     * @param method     magnitude (the smallest |w| become 0)
     * @param sparsity   the fraction of weights (or channels) set to zero, in [0, 1)
     * @param scope      per-tensor (each weight its own threshold) or global (one threshold over all)
     * @param structure  unstructured (single weights) or channels (whole output channels)
     */
    record Prune(Method method, double sparsity, Scope scope, Structure structure) implements OptimizationStep {
        public static final List<String> OP_TYPES = List.of("MatMul", "Gemm", "Conv");

        public Prune {
            Objects.requireNonNull(method, "prune.method: expected magnitude");
            Objects.requireNonNull(scope, "prune.scope: expected per-tensor or global");
            Objects.requireNonNull(structure, "prune.structure: expected unstructured or channels");
            if (!(sparsity >= 0 && sparsity < 1)) {
                throw new IllegalArgumentException("prune.sparsity: expected a fraction in [0, 1), got " + sparsity);
            }
        }

        /** Unstructured per-tensor magnitude pruning to {@code sparsity}. */
        public static Prune magnitude(double sparsity) {
            return new Prune(Method.MAGNITUDE, sparsity, Scope.PER_TENSOR, Structure.UNSTRUCTURED);
        }

        @Override
        public String key() {
            return "prune";
        }

        @Override
        public String settings() {
            return "method=" + method.spelling() + ", sparsity=" + sparsity + ", scope=" + scope.spelling()
                    + ", structure=" + structure.spelling();
        }

        /** How weights are ranked. */
        public enum Method implements Spelled {
            MAGNITUDE;

            public static Method parse(String value) {
                return Spelled.parse(Method.class, "prune.method", value);
            }
        }

        /** Where the threshold is taken. */
        public enum Scope implements Spelled {
            PER_TENSOR, GLOBAL;

            public static Scope parse(String value) {
                return Spelled.parse(Scope.class, "prune.scope", value);
            }
        }

        /** What is set to zero. */
        public enum Structure implements Spelled {
            UNSTRUCTURED, CHANNELS;

            public static Structure parse(String value) {
                return Spelled.parse(Structure.class, "prune.structure", value);
            }
        }
    }

    /** ONNX Runtime's graph optimizations, saved offline ({@code setOptimizedModelFilePath}). */
    record GraphOptimize(Level level) implements OptimizationStep {
        public GraphOptimize {
            Objects.requireNonNull(level, "graph-optimize.level: expected basic, extended or all");
        }

        @Override
        public String key() {
            return "graph-optimize";
        }

        @Override
        public String settings() {
            return "level=" + level.spelling();
        }

        /** ONNX Runtime's optimization levels. */
        public enum Level implements Spelled {
            BASIC, EXTENDED, ALL;

            public static Level parse(String value) {
                return Spelled.parse(Level.class, "graph-optimize.level", value);
            }
        }
    }

    /** The existing ONNX to TensorFlow converter as a step. */
    record Convert(Target to) implements OptimizationStep {
        public Convert {
            Objects.requireNonNull(to, "convert.to: expected savedmodel");
        }

        @Override
        public String key() {
            return "convert";
        }

        @Override
        public String settings() {
            return "to=" + to.spelling();
        }

        /** The formats a model can be converted to. */
        public enum Target implements Spelled {
            SAVEDMODEL;

            public static Target parse(String value) {
                return Spelled.parse(Target.class, "convert.to", value);
            }
        }
    }

    /** An enum constant spelled in lower case with dashes ({@code DYNAMIC_INT8} is {@code dynamic-int8}). */
    interface Spelled {
        String name();

        default String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static <E extends Enum<E> & Spelled> E parse(Class<E> type, String field, String value) {
            for (E e : type.getEnumConstants()) {
                if (e.spelling().equals(value)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(field + ": expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(Spelled::spelling).toList() + ", got '" + value + "'");
        }
    }
}
