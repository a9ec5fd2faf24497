package io.inferbench.result;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes {@link RunResult} documents. Writes are atomic: a reader never sees half a file.
 * Reads accept every schema version so far: results written by older versions still load and render.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // NaN (e.g. a timeline interval with no queries) is not valid JSON: write it as "NaN".
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * The same codec without the bulky per-sample parts (latency histograms, per-second and utilization
     * timelines): what scanning a history of hundreds of runs needs, several times faster to read.
     */
    private static final ObjectMapper LIGHT = MAPPER.copy()
            .addMixIn(PhaseResult.class, WithoutPhaseDetail.class)
            .addMixIn(UtilizationResult.class, WithoutUtilizationTimeline.class);

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"histogram", "timeline"})
    private interface WithoutPhaseDetail {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"timeline"})
    private interface WithoutUtilizationTimeline {
    }

    private static final String SCHEMA_PREFIX = "inferbench.run/";

    private ResultJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a result of any schema this version knows ({@code inferbench.run/1} upgraded on the way,
     * {@code inferbench.run/2}); rejects other documents and newer schemas with a one-line reason.
     */
    public static RunResult read(Path file) throws IOException {
        return fromJson(Files.readAllBytes(file), file.toString());
    }

    /**
     * {@link #read} without latency histograms and timelines (null and empty in the result): for
     * reading many runs' figures, e.g. a regression gate's history.
     */
    public static RunResult readFigures(Path file) throws IOException {
        return fromJson(LIGHT, Files.readAllBytes(file), file.toString());
    }

    /** {@link #read} of a document in memory, e.g. a resource. */
    public static RunResult fromJson(String json) throws IOException {
        return fromJson(json.getBytes(StandardCharsets.UTF_8), "result");
    }

    private static RunResult fromJson(byte[] json, String where) throws IOException {
        return fromJson(MAPPER, json, where);
    }

    private static RunResult fromJson(ObjectMapper mapper, byte[] json, String where) throws IOException {
        String schema = schemaOf(json);
        if (schema == null || !schema.startsWith(SCHEMA_PREFIX)) {
            throw new IOException(where + ": not an InferBench result (schema " + schema + ")");
        }
        if (schema.equals(RunResult.SCHEMA)) {
            return mapper.readValue(json, RunResult.class);
        }
        if (schema.equals(ResultSchemaV1.SCHEMA) && mapper.readTree(json) instanceof ObjectNode v1) {
            return mapper.treeToValue(ResultSchemaV1.upgrade(v1), RunResult.class);
        }
        throw new IOException(where + ": result schema " + schema + " is not one this InferBench reads ("
                + ResultSchemaV1.SCHEMA + ", " + RunResult.SCHEMA + "); it may have been written by a newer version");
    }

    /**
     * The document's top-level {@code schema}, or null. Streams up to it (it is the first field of
     * every result written) rather than reading the whole document twice.
     */
    private static String schemaOf(byte[] json) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("schema")) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        }
    }

    /** Writes {@code result} to {@code file} through a temporary file and an atomic rename. */
    public static void write(RunResult result, Path file) throws IOException {
        writeAtomically(file, toJson(result).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes through a sibling temporary file, then renames it over {@code file}. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            // Temp files are created owner-only; results and reports are meant to be shared.
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
