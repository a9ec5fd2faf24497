package io.inferbench.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link GateRecord}s ({@code gate.json}) with the result codec's settings. */
public final class GateRecordJson {
    /** The gate's file in a run folder, next to {@code result.json}. */
    public static final String FILE = "gate.json";

    private GateRecordJson() {
    }

    public static String toJson(GateRecord gate) throws IOException {
        return ResultJson.mapper().writeValueAsString(gate);
    }

    /** Writes {@code gate} atomically. */
    public static void write(GateRecord gate, Path file) throws IOException {
        ResultJson.writeAtomically(file, toJson(gate).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a gate record; a document of another kind or schema gets a one-line reason. */
    public static GateRecord read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        var tree = ResultJson.mapper().readTree(bytes);
        String schema = tree != null && tree.path("schema").isTextual() ? tree.get("schema").asText() : null;
        if (!GateRecord.SCHEMA.equals(schema)) {
            throw new IOException(file + ": not an InferBench gate record (schema " + schema + ", expected "
                    + GateRecord.SCHEMA + ")");
        }
        return ResultJson.mapper().treeToValue(tree, GateRecord.class);
    }
}
