package io.inferbench.adapter.tensorflow.convert;

import static io.inferbench.adapter.tensorflow.convert.NodeContext.u;

import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import io.inferbench.api.BackendException;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.UnsupportedModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;

/**
 * Converts an ONNX model into a TensorFlow SavedModel with TensorFlow Java's ops API, so the same
 * real model runs on both backends.
 *
 * <p>The SavedModel has the tag {@code serve} and one signature, {@code serving_default}, whose
 * input and output names are the ONNX graph's. Inputs keep the ONNX element types (e.g. int64
 * token ids) and shapes, with symbolic dimensions left dynamic (-1). Initializers become graph
 * constants. Convolutions and pooling run channels-last inside the graph (TensorFlow's CPU kernels
 * only take NHWC); the signature keeps ONNX's NCHW layout.
 *
 * <p>Stateless and thread-safe; {@link #convert} blocks for as long as building and writing the
 * graph takes (seconds for a 90 MB model).
 */
public final class OnnxToTensorFlow implements ModelConverter {
    /** The SavedModel signature key written. */
    public static final String SIGNATURE_KEY = "serving_default";
    /** The SavedModel tag written. */
    public static final String TAG = "serve";

    public OnnxToTensorFlow() {
    }

    @Override
    public String name() {
        return "onnx-to-tensorflow";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public ModelFormat from() {
        return ModelFormat.ONNX;
    }

    @Override
    public ModelFormat to() {
        return ModelFormat.SAVED_MODEL;
    }

    @Override
    public Conversion convert(Path source, Path target) throws BackendException {
        // Called directly (inferbench convert), TensorFlow may not be loaded yet: point JavaCPP at
        // InferBench's cache before any org.tensorflow class initialises.
        io.inferbench.adapter.tensorflow.TfNatives.install();
        if (Files.exists(target)) {
            throw new BackendException("conversion target " + target + " already exists");
        }
        ModelProto model = read(source);
        GraphProto graph = model.getGraph();
        rejectUnsupported(graph);
        int opset = opset(model);
        try {
            var counts = export(graph, opset, target);
            var operators = new ArrayList<String>();
            counts.forEach((op, count) -> operators.add(op + " x " + count));
            return new Conversion(target, operators, notes(model, graph, opset));
        } catch (BackendException | RuntimeException | IOException e) {
            deleteQuietly(target);
            if (e instanceof BackendException be) {
                throw be;
            }
            throw new BackendException("converting " + source.getFileName() + " to a SavedModel failed: " + e, e);
        }
    }

    /** Every unsupported operator type, each with the first node using it, in one exception. */
    static void rejectUnsupported(GraphProto graph) throws UnsupportedModelException {
        var firstNode = new LinkedHashMap<String, String>();
        for (NodeProto node : graph.getNodeList()) {
            if (OnnxOps.converter(node.getDomain(), node.getOpType()) == null) {
                String type = node.getDomain().isEmpty() ? node.getOpType() : node.getDomain() + "." + node.getOpType();
                firstNode.putIfAbsent(type, node.getName());
            }
        }
        if (!firstNode.isEmpty()) {
            var parts = new ArrayList<String>();
            firstNode.forEach((type, node) -> parts.add(type + " (first at node " + node + ")"));
            throw new UnsupportedModelException("unsupported ONNX operators: " + String.join(", ", parts));
        }
    }

    private static ModelProto read(Path source) throws BackendException {
        try (InputStream in = Files.newInputStream(source)) {
            var coded = com.google.protobuf.CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            return ModelProto.parseFrom(coded);
        } catch (IOException e) {
            throw new BackendException("cannot read ONNX model " + source + ": " + e.getMessage(), e);
        }
    }

    private static int opset(ModelProto model) {
        return model.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToInt(o -> (int) o.getVersion()).findFirst().orElse(1);
    }

    private static Map<String, Integer> export(GraphProto graph, int opset, Path target)
            throws BackendException, IOException {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            var values = new HashMap<String, TfValue>();
            var statics = new HashMap<String, StaticTensor>();
            var initializers = new HashSet<String>();
            var constants = tf.withSubScope("initializers");
            for (var init : graph.getInitializerList()) {
                initializers.add(init.getName());
                values.put(init.getName(), TfValue.of(tf, OnnxTensors.constant(
                        constants.withName(opName(init.getName(), "w")), init, init.getName())));
                var s = OnnxTensors.staticValue(init, init.getName());
                if (s != null) {
                    statics.put(init.getName(), s);
                }
            }
            var signature = Signature.builder().key(SIGNATURE_KEY);
            for (ValueInfoProto in : graph.getInputList()) {
                if (initializers.contains(in.getName())) {
                    continue; // IR < 4: initializers listed as inputs are constants here
                }
                var placeholder = placeholder(tf, in);
                values.put(in.getName(), TfValue.of(tf, placeholder));
                signature.input(in.getName(), placeholder);
            }
            var counts = new TreeMap<String, Integer>();
            int index = 0;
            for (NodeProto node : graph.getNodeList()) {
                var scoped = tf.withSubScope(opName(node.getName(), node.getOpType()) + "_" + index++);
                var context = new NodeContext(scoped, node, opset, values, statics);
                List<TfValue> outputs;
                try {
                    outputs = OnnxOps.converter(node.getDomain(), node.getOpType()).convert(context);
                } catch (TensorFlowException | IllegalArgumentException | IllegalStateException e) {
                    throw new BackendException("ONNX node " + node.getName() + " (" + node.getOpType()
                            + ") could not be built in TensorFlow: " + e.getMessage(), e);
                }
                for (int i = 0; i < outputs.size() && i < node.getOutputCount(); i++) {
                    if (!node.getOutput(i).isEmpty()) {
                        values.put(node.getOutput(i), outputs.get(i));
                    }
                }
                counts.merge(node.getOpType(), 1, Integer::sum);
            }
            var outputs = tf.withSubScope("outputs");
            for (ValueInfoProto out : graph.getOutputList()) {
                var value = values.get(out.getName());
                if (value == null) {
                    throw new BackendException("ONNX graph output " + out.getName() + " is not computed by any node");
                }
                signature.output(out.getName(), outputs.withName(opName(out.getName(), "output"))
                        .identity(u(value.get())));
            }
            try (Session session = new Session(g)) {
                SavedModelBundle.exporter(target.toString()).withTags(TAG)
                        .withFunction(SessionFunction.create(signature.build(), session)).export();
            }
            return counts;
        }
    }

    private static Placeholder<?> placeholder(Ops tf, ValueInfoProto in) throws UnsupportedModelException {
        if (!in.getType().hasTensorType()) {
            throw new UnsupportedModelException("ONNX input " + in.getName() + " is not a tensor");
        }
        var tensorType = in.getType().getTensorType();
        var type = OnnxTensors.tfType(tensorType.getElemType(), "input " + in.getName());
        if (!tensorType.hasShape()) {
            return tf.withName(opName(in.getName(), "input")).placeholder(type);
        }
        long[] dims = tensorType.getShape().getDimList().stream()
                .mapToLong(d -> d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue() : -1).toArray();
        return tf.withName(opName(in.getName(), "input")).placeholder(type, Placeholder.shape(Shape.of(dims)));
    }

    /** A valid TensorFlow op name made from an ONNX name. */
    static String opName(String onnxName, String fallback) {
        String s = onnxName.replaceAll("[^A-Za-z0-9_.\\-]", "_").replaceAll("^[^A-Za-z0-9.]+", "");
        return s.isEmpty() ? fallback : s;
    }

    private static List<String> notes(ModelProto model, GraphProto graph, int opset) {
        var notes = new ArrayList<String>();
        notes.add("ONNX opset " + opset + ", IR version " + model.getIrVersion() + "; " + graph.getNodeCount()
                + " nodes, " + graph.getInitializerCount() + " initializers as graph constants");
        notes.add("SavedModel tag '" + TAG + "', signature '" + SIGNATURE_KEY + "' with the ONNX input and output"
                + " names and element types; symbolic dimensions stay dynamic");
        boolean images = graph.getNodeList().stream().anyMatch(n -> NnOps.CHANNELS_LAST_OPS.contains(n.getOpType()));
        if (images) {
            notes.add("convolutions and pooling run channels-last (NHWC) inside the graph, as TensorFlow's CPU"
                    + " kernels require; inputs and outputs keep the ONNX NCHW layout");
        }
        return notes;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: a partial directory is reported by the next conversion as "already exists"
        }
    }
}
