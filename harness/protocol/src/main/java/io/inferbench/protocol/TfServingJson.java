package io.inferbench.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TensorFlow Serving's REST API: {@code POST /v1/models/NAME[/versions/V]:predict} in the row format
 * ({@code {"instances": [...]}}, one entry per batch element) or the columnar one
 * ({@code {"inputs": {...}}}), answered with {@code predictions} or {@code outputs}; the model status
 * ({@code GET /v1/models/NAME}) and metadata ({@code GET .../metadata}, the serving signature). Tensors
 * are nested JSON arrays whose nesting is their shape.
 */
public final class TfServingJson {
    private TfServingJson() {
    }

    /** A predict request: its inputs, and whether it used the row format (the answer uses the same). */
    public record PredictRequest(Map<String, Tensor> inputs, boolean rows) {
    }

    /** Parses a predict request against the model's inputs (their datatypes; names for a lone input). */
    public static PredictRequest parseRequest(byte[] body, List<TensorSpec> inputs) throws ProtocolException {
        JsonNode root = V2Json.tree(body);
        boolean rows = root.has("instances");
        JsonNode data = rows ? root.get("instances") : root.get("inputs");
        if (data == null) {
            throw new ProtocolException("expected 'instances' (row format) or 'inputs' (columnar format)");
        }
        Map<String, JsonNode> columns = rows ? columnsOfRows(data, "instances") : columns(data);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : columns.entrySet()) {
            String name = e.getKey().isEmpty() && inputs.size() == 1 ? inputs.get(0).name() : e.getKey();
            TensorSpec spec = inputs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new ProtocolException("unknown input '" + name + "'; the model's inputs are "
                            + inputs.stream().map(TensorSpec::name).toList()));
            out.put(name, nested(e.getValue(), spec.dtype(), "inputs." + name));
        }
        return new PredictRequest(out, rows);
    }

    /** A predict request body, columnar ({@code inputs}) or in rows ({@code instances}). */
    public static byte[] writeRequest(Map<String, Tensor> inputs, boolean rows) {
        return V2Json.bytes(g -> {
            g.writeStartObject();
            if (rows) {
                g.writeFieldName("instances");
                writeRows(g, inputs);
            } else {
                g.writeObjectFieldStart("inputs");
                for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeNested(g, e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** A predict answer: {@code predictions} (rows) or {@code outputs} (columnar), always keyed by output name. */
    public static byte[] writeResponse(Map<String, Tensor> outputs, boolean rows) {
        return V2Json.bytes(g -> {
            g.writeStartObject();
            if (rows) {
                g.writeFieldName("predictions");
                writeRows(g, outputs);
            } else {
                g.writeObjectFieldStart("outputs");
                for (Map.Entry<String, Tensor> e : outputs.entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeNested(g, e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** Parses a predict answer; a lone unnamed output takes the name of the model's only output. */
    public static Map<String, Tensor> parseResponse(byte[] body, List<TensorSpec> outputs) throws ProtocolException {
        JsonNode root = V2Json.tree(body);
        Map<String, JsonNode> columns;
        if (root.has("predictions")) {
            columns = columnsOfRows(root.get("predictions"), "predictions");
        } else if (root.has("outputs")) {
            columns = columns(root.get("outputs"));
        } else {
            throw new ProtocolException("expected 'predictions' or 'outputs' in the answer");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : columns.entrySet()) {
            String name = e.getKey().isEmpty() && outputs.size() == 1 ? outputs.get(0).name() : e.getKey();
            DType dtype = outputs.stream().filter(s -> s.name().equals(name)).map(TensorSpec::dtype).findFirst()
                    .orElse(DType.FLOAT32);
            out.put(name, nested(e.getValue(), dtype, "outputs." + name));
        }
        return out;
    }

    /** {@code GET /v1/models/NAME}: one version, AVAILABLE or UNLOADING. */
    public static byte[] writeStatus(String version, boolean available) {
        return V2Json.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("model_version_status");
            g.writeStartObject();
            g.writeStringField("version", version);
            g.writeStringField("state", available ? "AVAILABLE" : "UNLOADING");
            g.writeObjectFieldStart("status");
            g.writeStringField("error_code", "OK");
            g.writeStringField("error_message", "");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Whether a status answer lists an AVAILABLE version. */
    public static boolean available(byte[] status) throws ProtocolException {
        for (JsonNode v : V2Json.tree(status).path("model_version_status")) {
            if ("AVAILABLE".equals(v.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    /** {@code GET .../metadata}: the {@code serving_default} signature. */
    public static byte[] writeMetadata(String name, String version, List<TensorSpec> inputs, List<TensorSpec> outputs) {
        return V2Json.bytes(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("model_spec");
            g.writeStringField("name", name);
            g.writeStringField("signature_name", "");
            g.writeStringField("version", version);
            g.writeEndObject();
            g.writeObjectFieldStart("metadata");
            g.writeObjectFieldStart("signature_def");
            g.writeObjectFieldStart("signature_def");
            g.writeObjectFieldStart("serving_default");
            signature(g, "inputs", inputs);
            signature(g, "outputs", outputs);
            g.writeStringField("method_name", "tensorflow/serving/predict");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** The inputs ({@code outputs == false}) or outputs of the {@code serving_default} signature. */
    public static List<TensorSpec> parseSignature(byte[] metadata, boolean outputs) throws ProtocolException {
        JsonNode sig = V2Json.tree(metadata).path("metadata").path("signature_def").path("signature_def")
                .path("serving_default").path(outputs ? "outputs" : "inputs");
        if (!sig.isObject()) {
            throw new ProtocolException("metadata: no serving_default signature with " + (outputs ? "outputs" : "inputs"));
        }
        List<TensorSpec> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sig.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode dims = e.getValue().path("tensor_shape").path("dim");
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = Math.max(-1, dims.get(i).path("size").asLong(-1));
            }
            out.add(new TensorSpec(e.getKey(), dtype(e.getValue().path("dtype").asText(), e.getKey()), shape));
        }
        return out;
    }

    private static void signature(JsonGenerator g, String field, List<TensorSpec> specs) throws IOException {
        g.writeObjectFieldStart(field);
        for (TensorSpec s : specs) {
            g.writeObjectFieldStart(s.name());
            g.writeStringField("dtype", tfName(s.dtype()));
            g.writeObjectFieldStart("tensor_shape");
            g.writeArrayFieldStart("dim");
            for (long d : s.shape()) {
                g.writeStartObject();
                g.writeStringField("size", Long.toString(d));
                g.writeStringField("name", "");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("unknown_rank", false);
            g.writeEndObject();
            g.writeStringField("name", s.name() + ":0");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static String tfName(DType d) {
        return switch (d) {
            case FLOAT32 -> "DT_FLOAT";
            case FLOAT64 -> "DT_DOUBLE";
            case FLOAT16 -> "DT_HALF";
            case BFLOAT16 -> "DT_BFLOAT16";
            case INT8 -> "DT_INT8";
            case UINT8 -> "DT_UINT8";
            case INT16 -> "DT_INT16";
            case INT32 -> "DT_INT32";
            case INT64 -> "DT_INT64";
            case BOOL -> "DT_BOOL";
            case STRING -> "DT_STRING";
        };
    }

    static DType dtype(String tf, String field) throws ProtocolException {
        for (DType d : DType.values()) {
            if (d != DType.STRING && tfName(d).equals(tf)) {
                return d;
            }
        }
        throw new ProtocolException(field + ": dtype " + tf + " is not supported");
    }

    /** The columns of a columnar body: an object by name, or one unnamed tensor (name ""). */
    private static Map<String, JsonNode> columns(JsonNode data) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (data.isObject()) {
            data.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        } else {
            out.put("", data);
        }
        return out;
    }

    /** Rows (objects by name, or bare values for one tensor) turned into columns with a leading batch dimension. */
    private static Map<String, JsonNode> columnsOfRows(JsonNode rows, String field) throws ProtocolException {
        if (!rows.isArray() || rows.isEmpty()) {
            throw new ProtocolException(field + ": expected a non-empty array");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (row.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ((ArrayNode) out.computeIfAbsent(e.getKey(), k -> JsonNodeFactory.instance.arrayNode()))
                            .add(e.getValue());
                }
            } else {
                ((ArrayNode) out.computeIfAbsent("", k -> JsonNodeFactory.instance.arrayNode())).add(row);
            }
        }
        for (Map.Entry<String, JsonNode> e : out.entrySet()) {
            if (e.getValue().size() != rows.size()) {
                throw new ProtocolException(field + ": '" + e.getKey() + "' is missing from some rows");
            }
        }
        return out;
    }

    /** A nested array as a tensor: its shape is its nesting, which must be rectangular. */
    private static Tensor nested(JsonNode data, DType dtype, String field) throws ProtocolException {
        List<Long> dims = new ArrayList<>();
        for (JsonNode n = data; n.isArray(); n = n.get(0)) {
            dims.add((long) n.size());
            if (n.isEmpty()) {
                break;
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        rectangular(data, shape, 0, field);
        long count = TensorBytes.elementCount(shape, dtype, field);
        JsonNode array = data.isArray() ? data : JsonNodeFactory.instance.arrayNode().add(data);
        return JsonData.read(array, dtype, shape, count, field);
    }

    private static void rectangular(JsonNode n, long[] shape, int depth, String field) throws ProtocolException {
        if (depth == shape.length) {
            if (n.isArray()) {
                throw new ProtocolException(field + ": ragged nested array (deeper than its first element)");
            }
            return;
        }
        if (!n.isArray() || n.size() != shape[depth]) {
            throw new ProtocolException(field + ": ragged nested array: dimension " + depth + " should have "
                    + shape[depth] + " elements");
        }
        for (JsonNode child : n) {
            rectangular(child, shape, depth + 1, field);
        }
    }

    private static void writeRows(JsonGenerator g, Map<String, Tensor> tensors) throws IOException {
        int rows = (int) tensors.values().iterator().next().shape()[0];
        g.writeStartArray();
        for (int r = 0; r < rows; r++) {
            g.writeStartObject();
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                g.writeFieldName(e.getKey());
                Tensor t = e.getValue();
                long[] shape = t.shape();
                long[] rowShape = java.util.Arrays.copyOfRange(shape, 1, shape.length);
                long per = Tensor.elementCount(rowShape);
                writeDims(g, t, rowShape, 0, new long[] {r * per});
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeNested(JsonGenerator g, Tensor t) throws IOException {
        writeDims(g, t, t.shape(), 0, new long[] {0});
    }

    private static void writeDims(JsonGenerator g, Tensor t, long[] shape, int depth, long[] index) throws IOException {
        if (depth == shape.length) {
            writeElement(g, t, index[0]++);
            return;
        }
        g.writeStartArray();
        for (long i = 0; i < shape[depth]; i++) {
            writeDims(g, t, shape, depth + 1, index);
        }
        g.writeEndArray();
    }

    private static void writeElement(JsonGenerator g, Tensor t, long i) throws IOException {
        var b = t.data();
        int at = Math.toIntExact(i * t.dtype().byteSize());
        switch (t.dtype()) {
            case FLOAT32 -> g.writeNumber(b.getFloat(at));
            case FLOAT64 -> g.writeNumber(b.getDouble(at));
            case INT64 -> g.writeNumber(b.getLong(at));
            case INT32 -> g.writeNumber(b.getInt(at));
            case INT16 -> g.writeNumber(b.getShort(at));
            case INT8 -> g.writeNumber(b.get(at));
            case UINT8 -> g.writeNumber(b.get(at) & 0xff);
            case BOOL -> g.writeBoolean(b.get(at) != 0);
            default -> throw new IllegalArgumentException(t.dtype().id() + " has no TensorFlow Serving JSON form here");
        }
    }
}
