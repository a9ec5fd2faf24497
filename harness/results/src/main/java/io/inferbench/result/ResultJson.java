package io.inferbench.result;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

/** Reads and writes {@link RunResult} documents. Writes are atomic: a reader never sees half a file. */
public final class ResultJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // NaN (e.g. a timeline interval with no queries) is not valid JSON: write it as "NaN".
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

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

    /** Reads a result, rejecting documents of another schema major version. */
    public static RunResult read(Path file) throws IOException {
        RunResult r = MAPPER.readValue(file.toFile(), RunResult.class);
        if (r.schema() == null || !r.schema().startsWith("inferbench.run/")) {
            throw new IOException(file + ": not an InferBench result (schema " + r.schema() + ")");
        }
        if (!r.schema().equals(RunResult.SCHEMA)) {
            throw new IOException(file + ": result schema " + r.schema() + " is not supported (expected "
                    + RunResult.SCHEMA + ")");
        }
        return r;
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
