package io.inferbench.scenario;

import io.inferbench.api.accuracy.AccuracyTaskSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code accuracy:} block and {@code recommend.max-accuracy-drop}: defaults, and positioned errors. */
class AccuracyBindingTest {
    private static final String HEAD = """
            backend: { name: synthetic }
            matrix:
              precision:
                fp32: {}
                int8: {}
            """;

    @TempDir
    Path dir;

    private final ScenarioParser parser = TestBackends.parser();

    @BeforeEach
    void data() throws IOException {
        Files.writeString(dir.resolve("spam.tsv"), "label\ttext\nspam\tbuy now\nham\thello\n");
    }

    private Scenario parse(String yaml) throws ScenarioException {
        return parser.parse(Path.of("test.yaml"), dir, HEAD + yaml);
    }

    private Problem single(String yaml) {
        List<Problem> ps = assertThrows(ScenarioException.class, () -> parse(yaml)).problems();
        assertEquals(1, ps.size(), () -> ps.stream().map(Problem::format).toList().toString());
        return ps.get(0);
    }

    private static void assertAt(Problem p, int line, int column, String path, String... parts) {
        assertEquals(line + ":" + column + " " + path, p.line() + ":" + p.column() + " " + p.path(), p.format());
        for (String part : parts) {
            assertTrue(p.message().contains(part), () -> "'" + p.message() + "' lacks '" + part + "'");
        }
    }

    @Test
    void bindsTasksWithDefaults() throws Exception {
        Scenario s = parse("""
                recommend: { max-accuracy-drop: 1.5 }
                accuracy:
                  reference: precision=fp32
                  tasks:
                    - evaluator: embedding-probe
                      dataset: spam.tsv
                      samples: 200
                      options: { test-fraction: 0.25 }
                    - { name: cls, evaluator: ocr-orientation, batch-size: 8 }
                """);
        AccuracySpec a = s.accuracy();
        assertEquals("precision=fp32", a.reference());
        assertEquals(0.95, a.confidence());
        AccuracyTaskSpec probe = a.tasks().get(0);
        assertEquals("embedding-probe", probe.name());
        assertEquals(dir.resolve("spam.tsv"), probe.dataset());
        assertEquals(200, probe.samples());
        assertEquals(42, probe.seed());
        assertEquals(16, probe.batchSize());
        assertEquals(0.25, probe.number("test-fraction"));
        assertEquals(1.0, probe.number("l2"));
        assertEquals(128, probe.integer("sequence-length"));
        AccuracyTaskSpec cls = a.tasks().get(1);
        assertEquals("cls", cls.name());
        assertNull(cls.dataset());
        assertNull(cls.samples());
        assertEquals(8, cls.batchSize());
        assertEquals(1.5, s.recommend().maxAccuracyDropPoints());
        // The block is scenario-wide: configurations do not see it as a key of their own.
        assertEquals(2, s.configurations().size());
    }

    @Test
    void unknownEvaluatorIsSuggested() {
        assertAt(single("""
                accuracy:
                  tasks:
                    - evaluator: embeding-probe
                      dataset: spam.tsv
                """), 8, 18, "accuracy.tasks[0].evaluator", "unknown evaluator 'embeding-probe'",
                "Did you mean 'embedding-probe'?", "Installed evaluators: classification, embedding-probe");
    }

    @Test
    void unknownTaskKeyAndOption() {
        assertAt(single("""
                accuracy:
                  tasks:
                    - evaluator: embedding-probe
                      dataset: spam.tsv
                      sample: 10
                """), 10, 7, "accuracy.tasks[0].sample", "unknown key 'sample'", "Did you mean 'samples'?");
        assertAt(single("""
                accuracy:
                  tasks:
                    - evaluator: embedding-probe
                      dataset: spam.tsv
                      options: { test-fracton: 0.3 }
                """), 10, 18, "accuracy.tasks[0].options.test-fracton", "Did you mean 'test-fraction'?");
    }

    @Test
    void badOptionValue() {
        assertAt(single("""
                accuracy:
                  tasks:
                    - evaluator: embedding-probe
                      dataset: spam.tsv
                      options: { l2: lots }
                """), 10, 22, "accuracy.tasks[0].options.l2", "expected a number");
    }

    @Test
    void missingDatasetFileAndMissingDataset() {
        assertAt(single("""
                accuracy:
                  tasks:
                    - evaluator: embedding-probe
                      dataset: nowhere.tsv
                """), 9, 16, "accuracy.tasks[0].dataset", "dataset file not found");
        assertAt(single("""
                accuracy:
                  tasks:
                    - evaluator: embedding-probe
                """), 8, 7, "accuracy.tasks[0]", "needs a dataset: file");
    }

    @Test
    void referenceMustNameAConfiguration() {
        assertAt(single("""
                accuracy:
                  reference: precision=fp16
                  tasks: [{ evaluator: ocr-orientation }]
                """), 7, 14, "accuracy.reference", "no configuration is 'precision=fp16'",
                "precision=fp32");
    }

    @Test
    void unknownAccuracyKeyTasksRequiredAndConfidence() {
        assertAt(single("""
                accuracy:
                  tasks: [{ evaluator: ocr-orientation }]
                  refrence: c01
                """), 8, 3, "accuracy.refrence", "Did you mean 'reference'?");
        assertAt(single("""
                accuracy:
                  reference: c01
                """), 7, 3, "accuracy", "missing required key 'tasks'");
        assertAt(single("""
                accuracy:
                  confidence: 95
                  tasks: [{ evaluator: ocr-orientation }]
                """), 7, 15, "accuracy.confidence", "between 0 and 1");
    }

    @Test
    void taskNamesMustDiffer() {
        assertAt(single("""
                accuracy:
                  tasks:
                    - { evaluator: ocr-orientation }
                    - { evaluator: ocr-orientation }
                """), 9, 7, "accuracy.tasks[1]", "two tasks are named 'ocr-orientation'");
    }

    @Test
    void maxAccuracyDropIsInPoints() {
        assertAt(single("""
                recommend: { max-accuracy-drop: 150 }
                """), 6, 33, "recommend.max-accuracy-drop", "percentage points between 0 and 100");
    }

    @Test
    void referenceMatching() {
        var axes = new java.util.LinkedHashMap<String, String>();
        axes.put("precision", "fp32");
        axes.put("threads", "2");
        assertTrue(AccuracySpec.names("c02", "c02", "x", axes));
        assertTrue(AccuracySpec.names("precision=fp32 threads=2", "c02", "precision=fp32 threads=2", axes));
        assertTrue(AccuracySpec.names("precision=fp32", "c02", "precision=fp32 threads=2", axes));
        assertTrue(AccuracySpec.names("fp32", "c02", "precision=fp32 threads=2", axes));
        assertTrue(!AccuracySpec.names("precision=int8", "c02", "precision=fp32 threads=2", axes));
        assertTrue(!AccuracySpec.names("c01", "c02", "precision=fp32 threads=2", axes));
    }
}
