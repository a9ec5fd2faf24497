package io.inferbench.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples in JSON lines: one object a line (blank lines skipped), input name to a nested list of
 * numbers in the model's shape, or to {@code {"shape": [...], "data": [flat list]}}. JSON has no
 * element types: the numbers take the model's dtype.
 */
final class JsonLinesSamples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesSamples() {
    }

    static List<Map<String, Tensor>> read(Path file, InputPlan plan, SampleCheck check) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines = Files.readAllLines(file);
        List<Map<String, Tensor>> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = name + ":" + (i + 1);
            JsonNode object;
            try {
                object = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
            }
            if (!object.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object of input name to values");
            }
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            check.names(where, names);
            Map<String, Tensor> sample = new LinkedHashMap<>();
            for (ResolvedInput in : plan.inputs()) {
                sample.put(in.name(), tensor(where, in, object.get(in.name()), check));
            }
            samples.add(sample);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(name + ": no samples (one JSON object a line)");
        }
        return samples;
    }

    private static Tensor tensor(String where, ResolvedInput in, JsonNode value, SampleCheck check) {
        List<JsonNode> flat = new ArrayList<>();
        long[] shape;
        if (value.isObject()) {
            JsonNode s = value.get("shape");
            JsonNode d = value.get("data");
            if (s == null || !s.isArray() || d == null || !d.isArray()) {
                throw new IllegalArgumentException(where + ": input '" + in.name()
                        + "' expected {\"shape\": [...], \"data\": [...]} or a nested list");
            }
            shape = new long[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).asLong();
            }
            d.forEach(flat::add);
            if (flat.size() != Tensor.elementCount(shape)) {
                throw new IllegalArgumentException(where + ": input '" + in.name() + "' has " + flat.size()
                        + " values, its shape " + java.util.Arrays.toString(shape) + " needs "
                        + Tensor.elementCount(shape));
            }
        } else {
            List<Long> dims = new ArrayList<>();
            for (JsonNode n = value; n != null && n.isArray(); n = n.size() == 0 ? null : n.get(0)) {
                dims.add((long) n.size());
            }
            shape = dims.stream().mapToLong(Long::longValue).toArray();
            flatten(where, in.name(), value, shape, 0, flat);
        }
        check.tensor(where, in, in.dtype(), shape);
        ByteBuffer buf = Tensor.allocate(in.dtype(), shape);
        for (JsonNode n : flat) {
            if (!n.isNumber() && !n.isBoolean()) {
                throw new IllegalArgumentException(where + ": input '" + in.name() + "' holds " + n
                        + ", expected numbers");
            }
            if (in.dtype() == DType.INT64) {
                buf.putLong(n.asLong());
            } else {
                SampleFactory.put(buf, in.dtype(), n.isBoolean() ? (n.asBoolean() ? 1 : 0) : n.asDouble());
            }
        }
        return new Tensor(in.dtype(), shape, buf.flip());
    }

    /** Depth-first into {@code out}; every list at one depth must have the length of the first. */
    private static void flatten(String where, String input, JsonNode n, long[] shape, int depth, List<JsonNode> out) {
        if (depth == shape.length) {
            if (n.isArray()) {
                throw new IllegalArgumentException(where + ": input '" + input + "' is not rectangular (deeper "
                        + "lists than the first element's)");
            }
            out.add(n);
            return;
        }
        if (!n.isArray() || n.size() != shape[depth]) {
            throw new IllegalArgumentException(where + ": input '" + input + "' is not rectangular: at depth "
                    + depth + " expected a list of " + shape[depth] + ", got " + (n.isArray() ? "a list of "
                    + n.size() : n.toString()));
        }
        for (JsonNode child : n) {
            flatten(where, input, child, shape, depth + 1, out);
        }
    }
}
