package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inputs.text.padding}, {@code inputs.order} and {@code inputs.data} as scenario files declare them. */
class InputBindingTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("s.txt"), "one\ntwo\n");
        Files.writeString(dir.resolve("d.jsonl"), "{\"x\": [1]}\n");
        Files.writeString(dir.resolve("d.csv"), "1\n");
    }

    /** The scenario with a backend line first: the YAML given starts on line 2. */
    private static Scenario parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(dir.resolve("test.yaml"), dir, "backend: { name: synthetic }\n" + yaml);
    }

    private static InputSpec inputs(String yaml) throws ScenarioException {
        return parse(yaml).configurations().get(0).inputs();
    }

    private static String problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void paddingDefaultsToMaxLengthAndBindsEachForm() throws Exception {
        assertEquals(TextPadding.DEFAULT, inputs("inputs: { text: { file: s.txt } }").text().padding());
        assertEquals(new TextPadding.None(), inputs("inputs: { text: { file: s.txt, padding: none } }").text().padding());
        assertEquals(new TextPadding.BatchLongest(), inputs(
                "inputs: { batch-size: 4, text: { file: s.txt, padding: batch-longest } }").text().padding());
        assertEquals(new TextPadding.Buckets(List.of(16, 32, 64)), inputs(
                "inputs: { text: { file: s.txt, padding: { buckets: [16, 32, 64] } } }").text().padding());
    }

    @Test
    void paddedLengthsFollowTheRule() {
        assertEquals(128, TextPadding.DEFAULT.paddedLength(17, 128));
        assertEquals(17, new TextPadding.None().paddedLength(17, 128));
        TextPadding buckets = new TextPadding.Buckets(List.of(16, 32, 64));
        assertEquals(16, buckets.paddedLength(16, 128));
        assertEquals(32, buckets.paddedLength(17, 128));
        assertEquals(128, buckets.paddedLength(65, 128), "past the largest bucket: the sequence length");
        assertEquals(20, buckets.paddedLength(17, 20), "never past the sequence length");
        assertEquals("buckets[16,32,64]", buckets.describe());
    }

    @Test
    void noPaddingWithABatchIsRefusedAtThePaddingKey() {
        String p = problems("inputs:\n  batch-size: 4\n  text: { file: s.txt, padding: none }\n");
        assertTrue(p.contains("test.yaml:4:") && p.contains("inputs.text.padding") && p.contains("batch-size 1"), p);
    }

    @Test
    void badPaddingsAreRefusedWithTheirPosition() {
        String unknown = problems("inputs:\n  text: { file: s.txt, padding: longest }\n");
        assertTrue(unknown.contains("test.yaml:3:") && unknown.contains("max-length, none, batch-longest"), unknown);
        String descending = problems("inputs:\n  text: { file: s.txt, padding: { buckets: [32, 16] } }\n");
        assertTrue(descending.contains("ascending"), descending);
        String other = problems("inputs:\n  text: { file: s.txt, padding: { sizes: [32] } }\n");
        assertTrue(other.contains("sizes"), other);
    }

    @Test
    void dynamicBatchingNeedsOneShape() {
        String p = problems("inputs: { text: { file: s.txt, padding: batch-longest } }\n"
                + "optimization: { batching: { max-batch-size: 4, max-queue-delay: 1ms } }\n");
        assertTrue(p.contains("optimization.batching") && p.contains("max-length"), p);
    }

    @Test
    void orderDefaultsToCycleAndShuffleBinds() throws Exception {
        assertEquals(SampleOrder.CYCLE, inputs("").order());
        assertEquals(SampleOrder.SHUFFLE, inputs("inputs: { order: shuffle }").order());
        assertTrue(problems("inputs: { order: random }").contains("cycle, shuffle"));
    }

    @Test
    void dataFilesMustExistAndBeOfAKnownFormat() throws Exception {
        assertEquals(dir.resolve("d.jsonl"), inputs("inputs: { data: { file: d.jsonl } }").data());
        assertNull(inputs("").data());
        assertTrue(problems("inputs: { data: { file: missing.npy } }").contains("data file not found"));
        assertTrue(problems("inputs: { data: { file: d.csv } }").contains(".jsonl, .npy or .npz"));
        assertTrue(problems("inputs: { data: { file: d.jsonl }, text: { file: s.txt } }").contains("not both"));
    }

    @Test
    void aFolderIsOnnxTestDataReadAgainstTheModelInPreflight() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("test_data"));
        assertEquals(dir.resolve("test_data"), inputs("inputs: { data: { file: test_data } }").data());
        assertTrue(problems("inputs: { data: { file: no_such_folder } }").contains("folder of ONNX TensorProto .pb"),
                "a missing name that is neither a known file type nor a folder says what is accepted");
    }
}
