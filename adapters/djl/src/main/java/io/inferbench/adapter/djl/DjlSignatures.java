package io.inferbench.adapter.djl;

import ai.djl.nn.Block;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.djl.tensorflow.engine.TfSymbolBlock;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.adapter.support.TensorFlowDataTypes;
import io.inferbench.adapter.support.TensorSpecs;
import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.UnsupportedModelException;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorShapeProto;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs and outputs a loaded model declares, with element types. DJL's {@code Block.describeInput}
 * gives names and shapes only, so this reads the engine's own metadata beneath the block.
 *
 * @param inputs  in the order the engine's block consumes them
 * @param outputs in the order the engine's block returns them
 */
record DjlSignatures(List<TensorSpec> inputs, List<TensorSpec> outputs) {
    DjlSignatures {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * DJL's OnnxRuntime block keeps its {@link OrtSession} private; the session's metadata is the only
     * place the element types are. Read with reflection, pinned to DJL 0.36.0 (a test guards it).
     */
    static DjlSignatures onnx(Block block) throws BackendException {
        if (!(block instanceof OrtSymbolBlock)) {
            throw new BackendException("expected DJL's OnnxRuntime block, got " + block.getClass().getName());
        }
        OrtSession session;
        try {
            Field field = OrtSymbolBlock.class.getDeclaredField("session");
            field.setAccessible(true);
            session = (OrtSession) field.get(block);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new BackendException("cannot read the model's inputs from DJL's OnnxRuntime block (DJL "
                    + ai.djl.engine.Engine.getDjlVersion() + "): " + DjlErrors.oneLine(e), e);
        }
        try {
            return new DjlSignatures(onnxSpecs(session.getInputInfo().values(), "input"),
                    onnxSpecs(session.getOutputInfo().values(), "output"));
        } catch (OrtException e) {
            throw new BackendException("cannot read the model's inputs and outputs: " + DjlErrors.oneLine(e), e);
        }
    }

    private static List<TensorSpec> onnxSpecs(Collection<NodeInfo> nodes, String kind) throws UnsupportedModelException {
        List<TensorSpec> specs = new ArrayList<>();
        for (NodeInfo node : nodes) {
            if (!(node.getInfo() instanceof TensorInfo info)) {
                throw new UnsupportedModelException(kind + " '" + node.getName() + "' is not a tensor; InferBench"
                        + " handles tensor inputs and outputs only");
            }
            // DJL creates no string NDArrays, so strings are as unrepresentable here as uint32.
            DType dtype = OnnxDataTypes.dtype(info.onnxType.name());
            if (dtype == null || dtype == DType.STRING) {
                throw TensorSpecs.unrepresentable(kind, node.getName(), info.onnxType);
            }
            specs.add(TensorSpecs.withDynamicDims(node.getName(), dtype, info.getShape(), info.getDimensionNames()));
        }
        return specs;
    }

    /** The signature's inputs and outputs, sorted by key: the order DJL's TensorFlow block uses. */
    static DjlSignatures savedModel(Block block, String signature) throws BackendException {
        if (!(block instanceof TfSymbolBlock tf)) {
            throw new BackendException("expected DJL's TensorFlow block, got " + block.getClass().getName());
        }
        Map<String, SignatureDef> signatures = tf.getSavedModelBundle().getMetaGraphDef().getSignatureDefMap();
        SignatureDef def = signatures.get(signature);
        if (def == null) {
            // DJL would silently fall back to another signature; a benchmark must run the one asked for.
            throw new BackendException("the SavedModel has no signature '" + signature + "'; it has "
                    + String.join(", ", new TreeMap<>(signatures).keySet()) + " (backend option signature)");
        }
        return new DjlSignatures(tfSpecs(def.getInputsMap(), "input"), tfSpecs(def.getOutputsMap(), "output"));
    }

    private static List<TensorSpec> tfSpecs(Map<String, org.tensorflow.proto.TensorInfo> map, String kind)
            throws UnsupportedModelException {
        List<TensorSpec> specs = new ArrayList<>();
        for (Map.Entry<String, org.tensorflow.proto.TensorInfo> e : new TreeMap<>(map).entrySet()) {
            DataType type = e.getValue().getDtype();
            DType dtype = type == DataType.UNRECOGNIZED ? null : TensorFlowDataTypes.dtype(type.getNumber());
            if (dtype == null || dtype == DType.STRING) {
                throw TensorSpecs.unrepresentable(kind, e.getKey(), type);
            }
            TensorShapeProto shape = e.getValue().getTensorShape();
            long[] dims = shape.getDimList().stream().mapToLong(d -> Math.max(d.getSize(), -1)).toArray();
            specs.add(new TensorSpec(e.getKey(), dtype, dims));
        }
        return specs;
    }
}
