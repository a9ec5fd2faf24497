package io.inferbench.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The v2 protocol's REST bodies (KServe's "Open Inference Protocol", Triton's HTTP API): inference
 * requests and responses with JSON tensors or the binary tensor extension, model metadata, and errors.
 * With the binary extension a body is a JSON header of {@code Inference-Header-Content-Length} bytes,
 * then the binary tensors, in the order of the header's tensors that declare
 * {@code parameters.binary_data_size}.
 */
public final class V2Json {
    /** The binary extension's HTTP header: the JSON header's length in bytes. */
    public static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private V2Json() {
    }

    /**
     * A parsed inference request.
     *
     * @param id              the request's id, or null
     * @param inputs          the input tensors, in the request's order
     * @param outputs         the outputs asked for by name; empty: all
     * @param binaryOutputs   outputs asked for in binary form ({@code parameters.binary_data: true})
     * @param binaryByDefault the request's {@code parameters.binary_data_output}
     */
    public record InferRequest(String id, Map<String, Tensor> inputs, List<String> outputs, Set<String> binaryOutputs,
                               boolean binaryByDefault) {
        public InferRequest {
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            outputs = List.copyOf(outputs);
            binaryOutputs = Set.copyOf(binaryOutputs);
        }

        /** Whether {@code output} goes back in binary form. */
        public boolean binary(String output) {
            return binaryByDefault || binaryOutputs.contains(output);
        }
    }

    /** A parsed inference response: the outputs, in the response's order. */
    public record InferResponse(String modelName, String id, Map<String, Tensor> outputs) {
    }

    /**
     * An encoded body.
     *
     * @param headerLength the JSON header's length when binary tensors follow it, else -1 (JSON only)
     */
    public record Encoded(byte[] body, int headerLength) {
        public boolean binary() {
            return headerLength >= 0;
        }
    }

    /**
     * A model's metadata ({@code GET /v2/models/NAME}).
     *
     * @param inputs  names, types and shapes ({@code -1} for a variable dimension)
     */
    public record ModelMetadata(String name, List<String> versions, String platform, List<TensorSpec> inputs,
                                List<TensorSpec> outputs) {
        public ModelMetadata {
            versions = List.copyOf(versions);
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    // ---------------------------------------------------------------- requests

    /**
     * Parses a request body.
     *
     * @param headerLength {@link #HEADER_LENGTH}'s value, or -1 when the body is all JSON
     * @throws ProtocolException naming what is wrong: malformed JSON, a missing field, an unknown datatype,
     *                           a shape that does not match its data, binary sizes that do not add up
     */
    public static InferRequest parseRequest(byte[] body, int headerLength) throws ProtocolException {
        JsonNode root = header(body, headerLength);
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new ProtocolException("inputs: expected a non-empty array of tensors");
        }
        Map<String, Tensor> tensors = tensors(inputs, "inputs", body, headerLength);
        List<String> outputs = new ArrayList<>();
        Set<String> binary = new LinkedHashSet<>();
        JsonNode requested = root.get("outputs");
        if (requested != null && !requested.isNull()) {
            if (!requested.isArray()) {
                throw new ProtocolException("outputs: expected an array");
            }
            for (int i = 0; i < requested.size(); i++) {
                String name = text(requested.get(i), "name", "outputs[" + i + "]");
                outputs.add(name);
                if (requested.get(i).path("parameters").path("binary_data").asBoolean(false)) {
                    binary.add(name);
                }
            }
        }
        boolean binaryByDefault = root.path("parameters").path("binary_data_output").asBoolean(false);
        JsonNode id = root.get("id");
        return new InferRequest(id == null || id.isNull() ? null : id.asText(), tensors, outputs, binary,
                binaryByDefault);
    }

    /** A request body: every input as JSON data, or with {@code binary} every input as binary and outputs asked in binary. */
    public static Encoded writeRequest(Map<String, Tensor> inputs, boolean binary) {
        return write(null, null, null, inputs, "inputs", name -> binary,
                binary ? g -> {
                    g.writeObjectFieldStart("parameters");
                    g.writeBooleanField("binary_data_output", true);
                    g.writeEndObject();
                } : g -> { });
    }

    // ---------------------------------------------------------------- responses

    /** A response body; outputs for which {@code binary} holds go in binary form after the JSON header. */
    public static Encoded writeResponse(String model, String version, String id, Map<String, Tensor> outputs,
                                        Predicate<String> binary) {
        return write(model, version, id, outputs, "outputs", binary, g -> { });
    }

    /** Parses a response body (JSON or binary). */
    public static InferResponse parseResponse(byte[] body, int headerLength) throws ProtocolException {
        JsonNode root = header(body, headerLength);
        JsonNode outputs = root.get("outputs");
        if (outputs == null || !outputs.isArray()) {
            throw new ProtocolException("outputs: expected an array of tensors in the response");
        }
        return new InferResponse(root.path("model_name").asText(null), root.path("id").asText(null),
                tensors(outputs, "outputs", body, headerLength));
    }

    // ---------------------------------------------------------------- metadata and errors

    public static byte[] writeMetadata(ModelMetadata m) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            g.writeArrayFieldStart("versions");
            for (String v : m.versions()) {
                g.writeString(v);
            }
            g.writeEndArray();
            g.writeStringField("platform", m.platform());
            specs(g, "inputs", m.inputs());
            specs(g, "outputs", m.outputs());
            g.writeEndObject();
        });
    }

    /** Parses model metadata; dimensions below 0 become -1 (variable). */
    public static ModelMetadata parseMetadata(byte[] body) throws ProtocolException {
        JsonNode root = header(body, -1);
        List<String> versions = new ArrayList<>();
        root.path("versions").forEach(v -> versions.add(v.asText()));
        return new ModelMetadata(text(root, "name", "metadata"), versions, root.path("platform").asText(""),
                specs(root.get("inputs"), "inputs"), specs(root.get("outputs"), "outputs"));
    }

    /** {@code {"error": message}}. */
    public static byte[] error(String message) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    /** The {@code error} of an error body, or null when the body is not one. */
    public static String errorMessage(byte[] body) {
        try {
            JsonNode e = MAPPER.readTree(body).get("error");
            return e == null ? null : e.isTextual() ? e.asText() : e.toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Parses any JSON body (statistics, server metadata) as a tree. */
    public static JsonNode tree(byte[] body) throws ProtocolException {
        return header(body, -1);
    }

    /** Writes a JSON body with {@code content}. */
    public static byte[] bytes(JsonWriter content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            content.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes part of a JSON document. */
    @FunctionalInterface
    public interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    // ---------------------------------------------------------------- internals

    private static JsonNode header(byte[] body, int headerLength) throws ProtocolException {
        if (headerLength > body.length) {
            throw new ProtocolException(HEADER_LENGTH + " is " + headerLength + " but the body has only "
                    + body.length + " bytes");
        }
        int length = headerLength < 0 ? body.length : headerLength;
        if (length == 0) {
            throw new ProtocolException("empty body: expected a JSON object");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body, 0, length);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ProtocolException("malformed JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException("expected a JSON object");
        }
        return root;
    }

    private static Map<String, Tensor> tensors(JsonNode array, String what, byte[] body, int headerLength)
            throws ProtocolException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int cursor = Math.max(headerLength, 0);
        for (int i = 0; i < array.size(); i++) {
            String field = what + "[" + i + "]";
            JsonNode t = array.get(i);
            if (t == null || !t.isObject()) {
                throw new ProtocolException(field + ": expected a tensor object");
            }
            String name = text(t, "name", field);
            DType dtype = V2Datatypes.parse(text(t, "datatype", field), field + ".datatype");
            long[] shape = shape(t.get("shape"), field);
            long count = TensorBytes.elementCount(shape, dtype, field);
            JsonNode size = t.path("parameters").get("binary_data_size");
            Tensor tensor;
            if (size != null) {
                long expected = count * dtype.byteSize();
                if (!size.canConvertToLong() || size.asLong() != expected) {
                    throw new ProtocolException(field + ": binary_data_size is " + size + " but shape "
                            + java.util.Arrays.toString(shape) + " of " + V2Datatypes.name(dtype) + " needs "
                            + expected + " bytes");
                }
                if (headerLength < 0) {
                    throw new ProtocolException(field + ": binary_data_size without the " + HEADER_LENGTH + " header");
                }
                if (cursor + expected > body.length) {
                    throw new ProtocolException(field + ": binary data ends after " + (body.length - cursor)
                            + " of its " + expected + " bytes");
                }
                tensor = TensorBytes.fromLittleEndian(dtype, shape, body, cursor, (int) expected);
                cursor += (int) expected;
            } else {
                tensor = JsonData.read(t.get("data"), dtype, shape, count, field);
            }
            if (out.put(name, tensor) != null) {
                throw new ProtocolException(field + ": tensor '" + name + "' appears twice");
            }
        }
        if (headerLength >= 0 && cursor != body.length) {
            throw new ProtocolException("the body has " + (body.length - cursor)
                    + " bytes after the binary tensors its header declares");
        }
        return out;
    }

    private static long[] shape(JsonNode shape, String field) throws ProtocolException {
        if (shape == null || !shape.isArray()) {
            throw new ProtocolException(field + ": expected 'shape' as an array of dimensions");
        }
        long[] out = new long[shape.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode d = shape.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
                throw new ProtocolException(field + ": shape[" + i + "] is " + d + ", expected a dimension >= 0");
            }
            out[i] = d.asLong();
        }
        return out;
    }

    private static String text(JsonNode node, String key, String field) throws ProtocolException {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new ProtocolException(field + ": expected '" + key + "' as a non-empty string");
        }
        return v.asText();
    }

    private static List<TensorSpec> specs(JsonNode array, String what) throws ProtocolException {
        List<TensorSpec> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            throw new ProtocolException("metadata: expected '" + what + "' as an array");
        }
        for (int i = 0; i < array.size(); i++) {
            String field = what + "[" + i + "]";
            JsonNode t = array.get(i);
            JsonNode shape = t.get("shape");
            if (shape == null || !shape.isArray()) {
                throw new ProtocolException(field + ": expected 'shape' as an array");
            }
            long[] dims = new long[shape.size()];
            for (int d = 0; d < dims.length; d++) {
                dims[d] = Math.max(-1, shape.get(d).asLong(-1));
            }
            out.add(new TensorSpec(text(t, "name", field), V2Datatypes.parse(text(t, "datatype", field),
                    field + ".datatype"), dims));
        }
        return out;
    }

    private static void specs(JsonGenerator g, String field, List<TensorSpec> specs) throws IOException {
        g.writeArrayFieldStart(field);
        for (TensorSpec s : specs) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeStringField("datatype", V2Datatypes.name(s.dtype()));
            g.writeArrayFieldStart("shape");
            for (long d : s.shape()) {
                g.writeNumber(d);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static Encoded write(String model, String version, String id, Map<String, Tensor> tensors, String field,
                                 Predicate<String> binary, JsonWriter extra) {
        List<byte[]> chunks = new ArrayList<>();
        byte[] header = bytes(g -> {
            g.writeStartObject();
            if (model != null) {
                g.writeStringField("model_name", model);
            }
            if (version != null) {
                g.writeStringField("model_version", version);
            }
            if (id != null) {
                g.writeStringField("id", id);
            }
            extra.write(g);
            g.writeArrayFieldStart(field);
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                Tensor t = e.getValue();
                g.writeStartObject();
                g.writeStringField("name", e.getKey());
                g.writeStringField("datatype", V2Datatypes.name(t.dtype()));
                g.writeArrayFieldStart("shape");
                for (long d : t.shape()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                if (binary.test(e.getKey())) {
                    byte[] data = TensorBytes.littleEndian(t);
                    chunks.add(data);
                    g.writeObjectFieldStart("parameters");
                    g.writeNumberField("binary_data_size", data.length);
                    g.writeEndObject();
                } else {
                    g.writeFieldName("data");
                    JsonData.write(g, t);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        if (chunks.isEmpty()) {
            return new Encoded(header, -1);
        }
        int total = header.length + chunks.stream().mapToInt(c -> c.length).sum();
        byte[] body = new byte[total];
        System.arraycopy(header, 0, body, 0, header.length);
        int at = header.length;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, body, at, c.length);
            at += c.length;
        }
        return new Encoded(body, header.length);
    }
}
