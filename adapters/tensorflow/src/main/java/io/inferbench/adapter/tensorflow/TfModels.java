package io.inferbench.adapter.tensorflow;

import com.google.protobuf.InvalidProtocolBufferException;
import io.inferbench.adapter.support.TensorSpecs;
import io.inferbench.api.BackendException;
import io.inferbench.api.DType;
import io.inferbench.api.TensorSpec;
import io.inferbench.api.UnsupportedModelException;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads SavedModels and frozen GraphDefs into a TensorFlow session and finds their inputs and outputs.
 *
 * <ul>
 *   <li>SavedModel: the meta graph tagged {@code serve}; inputs and outputs are those of the chosen
 *       signature, named by their signature keys.</li>
 *   <li>Frozen GraphDef: inputs are the {@code Placeholder} ops; outputs are the outputs of every op
 *       that nothing consumes (no data or control consumers), except constants, placeholders and
 *       ops without outputs. Both are named by op name ({@code op:i} for output i &gt; 0), in
 *       graph order.</li>
 * </ul>
 */
final class TfModels {
    static final String SERVE_TAG = "serve";
    private static final Set<String> NOT_OUTPUTS = Set.of("Const", "Placeholder", "PlaceholderWithDefault",
            "NoOp", "VarHandleOp", "VariableV2");

    /**
     * A loaded graph, its session, and what to close (the bundle, or the session and graph).
     *
     * @param properties model-specific properties (signature, tags) for the session's properties
     */
    record Loaded(Session session, Graph graph, AutoCloseable owner, List<TfEndpoint> inputs,
                  List<TfEndpoint> outputs, Map<String, String> properties) {
    }

    private TfModels() {
    }

    /** Loads the {@code serve} meta graph of a SavedModel directory and resolves {@code signatureKey}. */
    static Loaded savedModel(Path dir, String signatureKey, ConfigProto config) throws BackendException {
        if (!Files.exists(dir)) {
            throw new BackendException("SavedModel directory not found: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new BackendException("not a SavedModel directory (a SavedModel is a directory holding"
                    + " saved_model.pb): " + dir);
        }
        if (!Files.isRegularFile(dir.resolve("saved_model.pb")) && !Files.isRegularFile(dir.resolve("saved_model.pbtxt"))) {
            throw new BackendException("not a SavedModel directory (no saved_model.pb or saved_model.pbtxt): " + dir);
        }
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.loader(dir.toString()).withTags(SERVE_TAG).withConfigProto(config).load();
        } catch (RuntimeException e) {
            throw TfErrors.onLoad("SavedModel " + dir, e);
        }
        try {
            Signature signature = bundle.signatures().stream().filter(s -> s.key().equals(signatureKey))
                    .findFirst().orElse(null);
            if (signature == null) {
                throw new BackendException("SavedModel " + dir + " has no signature '" + signatureKey
                        + "'; available signatures: " + bundle.signatures().stream().map(Signature::key).sorted().toList()
                        + " (set backend option signature)");
            }
            Graph graph = bundle.graph();
            List<TfEndpoint> inputs = new ArrayList<>();
            for (Map.Entry<String, Signature.TensorDescription> e : signature.getInputs().entrySet()) {
                inputs.add(endpoint(graph, e.getKey(), e.getValue(), "input", dir));
            }
            List<TfEndpoint> outputs = new ArrayList<>();
            for (Map.Entry<String, Signature.TensorDescription> e : signature.getOutputs().entrySet()) {
                outputs.add(endpoint(graph, e.getKey(), e.getValue(), "output", dir));
            }
            checkInputTypes(inputs);
            inGraphOrder(graph, inputs);
            inGraphOrder(graph, outputs);
            return new Loaded(bundle.session(), graph, bundle, List.copyOf(inputs), List.copyOf(outputs),
                    Map.of("format", "SavedModel (tags: " + SERVE_TAG + ")"));
        } catch (BackendException | RuntimeException e) {
            bundle.close();
            throw e instanceof BackendException be ? be
                    : new BackendException("cannot read the signature of SavedModel " + dir + ": " + TfErrors.oneLine(e), e);
        }
    }

    private static TfEndpoint endpoint(Graph graph, String key, Signature.TensorDescription d, String kind, Path dir)
            throws BackendException {
        Output<?> output = graph.output(d.name);
        if (output == null) {
            throw new BackendException("SavedModel " + dir + ": signature " + kind + " '" + key + "' refers to "
                    + d.name + ", which is not in the graph");
        }
        return endpoint(key, d.dataType, d.shape, output, kind);
    }

    /**
     * Sorts endpoints by where their op was created in the graph, then by name. A signature's inputs
     * are a map without order; graph order is the order the exporter declared them in (for a converted
     * ONNX model, the ONNX model's own order), and is deterministic.
     */
    private static void inGraphOrder(Graph graph, List<TfEndpoint> endpoints) {
        Map<String, Integer> position = new HashMap<>();
        int i = 0;
        for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
            position.put(it.next().name(), i++);
        }
        endpoints.sort(Comparator
                .comparingInt((TfEndpoint e) -> position.getOrDefault(e.output().op().name(), Integer.MAX_VALUE))
                .thenComparingInt(e -> e.output().index())
                .thenComparing(TfEndpoint::name));
    }

    /** Imports a frozen GraphDef file into a new graph and session. */
    static Loaded graphDef(Path file, ConfigProto config) throws BackendException {
        if (!Files.exists(file)) {
            throw new BackendException("GraphDef file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new BackendException("not a GraphDef file (expected a frozen .pb file): " + file);
        }
        GraphDef def;
        try {
            def = GraphDef.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new BackendException("not a valid GraphDef (protobuf parsing failed): " + file);
        } catch (IOException e) {
            throw new BackendException("cannot read GraphDef " + file + ": " + e.getMessage(), e);
        }
        Graph graph = new Graph();
        Session session = null;
        try {
            try {
                graph.importGraphDef(def);
            } catch (RuntimeException e) {
                throw TfErrors.onLoad("GraphDef " + file, e);
            }
            if (def.getNodeCount() == 0) {
                throw new BackendException("GraphDef " + file + " has no nodes");
            }
            List<TfEndpoint> inputs = new ArrayList<>();
            List<TfEndpoint> outputs = new ArrayList<>();
            for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
                GraphOperation op = it.next();
                if (op.type().equals("Placeholder")) {
                    Output<?> out = op.output(0);
                    inputs.add(endpoint(op.name(), out.dataType(), out.shape(), out, "input"));
                } else if (isSink(op)) {
                    for (int i = 0; i < op.numOutputs(); i++) {
                        Output<?> out = op.output(i);
                        String name = i == 0 ? op.name() : op.name() + ":" + i;
                        outputs.add(endpoint(name, out.dataType(), out.shape(), out, "output"));
                    }
                }
            }
            if (outputs.isEmpty()) {
                throw new BackendException("GraphDef " + file + " has no outputs (no op whose result nothing consumes)");
            }
            checkInputTypes(inputs);
            session = new Session(graph, config);
            return new Loaded(session, graph, new SessionAndGraph(session, graph), List.copyOf(inputs),
                    List.copyOf(outputs), Map.of("format", "frozen GraphDef"));
        } catch (BackendException | RuntimeException e) {
            if (session != null) {
                session.close();
            }
            graph.close();
            throw e instanceof BackendException be ? be : TfErrors.onLoad("GraphDef " + file, e);
        }
    }

    private static boolean isSink(GraphOperation op) {
        return op.numOutputs() > 0 && !NOT_OUTPUTS.contains(op.type()) && op.numConsumers() == 0
                && op.numControlConsumers() == 0;
    }

    private static TfEndpoint endpoint(String name, DataType type, Shape shape, Output<?> output, String kind)
            throws UnsupportedModelException {
        DType dtype = TfTypes.dtype(type);
        if (dtype == null) {
            throw TensorSpecs.unrepresentable(kind, name, type);
        }
        long[] dims = TfTypes.dims(shape);
        boolean rankKnown = dims != null;
        return new TfEndpoint(new TensorSpec(name, dtype, rankKnown ? dims : new long[0]), output, rankKnown);
    }

    /** Inputs must be of a type TensorFlow Java can create, or no query could ever run. */
    private static void checkInputTypes(List<TfEndpoint> inputs) throws UnsupportedModelException {
        for (TfEndpoint input : inputs) {
            if (TfTypes.tensorClass(input.spec().dtype()) == null) {
                throw new UnsupportedModelException("input '" + input.name() + "' is " + input.spec().dtype().id()
                        + ", which TensorFlow Java 1.1.0 cannot create tensors of");
            }
        }
    }

    /** Closes a GraphDef's session, then its graph. */
    private record SessionAndGraph(Session session, Graph graph) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
            graph.close();
        }
    }
}
