package io.inferbench.result;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
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
    /**
     * Longest string a result may hold, for writer and reader alike: Jackson's default read limit,
     * stated here so that the writer truncates (with a note) what the reader would refuse.
     */
    public static final int MAX_STRING_LENGTH = 20_000_000;
    /** Largest result file read: 1 GiB (a run of thousands of configurations is a few hundred MiB). */
    public static final long MAX_DOCUMENT_BYTES = 1L << 30;
    /** Deepest nesting read (a result nests a dozen levels). */
    public static final int MAX_NESTING_DEPTH = 200;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // A result is mostly numbers: Jackson's fast double parser (FastDoubleParser) reads
                    // them several times faster than Double.parseDouble, to the same correctly rounded value.
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH)
                            .maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("bounded-strings").addSerializer(String.class, new BoundedStrings()))
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
            .addMixIn(UtilizationResult.class, WithoutUtilizationTimeline.class)
            .addMixIn(LengthLatency.class, WithoutHistogram.class);

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"histogram"})
    private interface WithoutHistogram {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"histogram", "timeline"})
    private interface WithoutPhaseDetail {
    }

    /**
     * The codec without the per-second and utilization timelines but with the latency histograms:
     * what comparing runs needs (a report site compares each run with the previous one), with
     * about a third less to parse.
     */
    private static final ObjectMapper WITHOUT_TIMELINES = MAPPER.copy()
            .addMixIn(PhaseResult.class, WithoutPhaseTimeline.class)
            .addMixIn(UtilizationResult.class, WithoutUtilizationTimeline.class);

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"timeline"})
    private interface WithoutPhaseTimeline {
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
        return fromJson(bytes(file), file.toString());
    }

    /**
     * {@link #read} without latency histograms and timelines (null and empty in the result): for
     * reading many runs' figures, e.g. a regression gate's history.
     */
    public static RunResult readFigures(Path file) throws IOException {
        return fromJson(LIGHT, bytes(file), file.toString());
    }

    /** The file's bytes, refused when it is not a regular file or larger than {@link #MAX_DOCUMENT_BYTES}. */
    public static byte[] bytes(Path file) throws IOException {
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                java.nio.file.attribute.BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new IOException(file + ": not a regular file");
        }
        if (a.size() > MAX_DOCUMENT_BYTES) {
            throw new IOException(file + ": " + a.size() + " bytes, more than the " + MAX_DOCUMENT_BYTES
                    + " a result may have");
        }
        return Files.readAllBytes(file);
    }

    /**
     * {@link #read} of a file's bytes already in memory (from {@link #bytes}; {@code file} names it in
     * errors), for a caller that also digests them and so reads the file once.
     */
    public static RunResult read(byte[] bytes, Path file) throws IOException {
        return fromJson(bytes, file.toString());
    }

    /**
     * {@link #read} of a file's bytes without timelines (empty in the result), histograms kept: for
     * comparing runs' latencies and summarising their figures, not for rendering their reports.
     */
    public static RunResult readWithoutTimelines(byte[] bytes, Path file) throws IOException {
        return fromJson(WITHOUT_TIMELINES, bytes, file.toString());
    }

    /** {@link #read} of a document in memory, e.g. a resource. */
    public static RunResult fromJson(String json) throws IOException {
        return fromJson(json.getBytes(StandardCharsets.UTF_8), "result");
    }

    private static RunResult fromJson(byte[] json, String where) throws IOException {
        return fromJson(MAPPER, json, where);
    }

    /**
     * Any document, read or refused with one line naming {@code where}, what is wrong and where in it:
     * malformed JSON, wrong types and missing parts never escape as a stack trace or a null.
     */
    private static RunResult fromJson(ObjectMapper mapper, byte[] json, String where) throws IOException {
        RunResult result;
        try {
            result = decode(mapper, json, where);
        } catch (JacksonException e) {
            throw new IOException(where + ": not a readable result: " + describe(e), e);
        } catch (RuntimeException e) {
            throw new IOException(where + ": not a readable result: " + e, e);
        }
        ResultChecks.requireComplete(result, where);
        return result;
    }

    /** {@code Unexpected end-of-input (line 3, column 12, at configurations[0].setup)}. */
    private static String describe(JacksonException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof JacksonException j ? j.getOriginalMessage()
                : root != e ? root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                : e.getOriginalMessage();
        what = String.valueOf(what).lines().findFirst().orElse("");
        if (what.length() > 200) {
            what = what.substring(0, 200) + "…";
        }
        StringBuilder at = new StringBuilder();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            at.append("line ").append(e.getLocation().getLineNr()).append(", column ")
                    .append(e.getLocation().getColumnNr());
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            at.append(at.isEmpty() ? "" : ", ").append("at ").append(path(m.getPath()));
        }
        return what + (at.isEmpty() ? "" : " (" + at + ")");
    }

    private static String path(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (var r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static RunResult decode(ObjectMapper mapper, byte[] json, String where) throws IOException {
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
