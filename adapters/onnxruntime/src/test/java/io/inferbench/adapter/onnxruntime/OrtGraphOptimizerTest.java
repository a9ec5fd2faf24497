package io.inferbench.adapter.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.optimize.GraphOptimizer;
import io.inferbench.api.optimize.OptimizationStep.GraphOptimize;
import io.inferbench.testsupport.MiniLm;
import io.inferbench.testsupport.ModelJars;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's optimized MiniLM saved offline: fewer nodes, loads, and computes what the original does. */
class OrtGraphOptimizerTest {
    @TempDir
    Path dir;

    @Test
    void isFoundAsAServiceWithoutLoadingTheNatives() {
        GraphOptimizer found = ServiceLoader.load(GraphOptimizer.class).findFirst().orElseThrow();
        assertEquals("onnxruntime-graph-optimize", found.name());
        assertTrue(found.version().matches("\\d+\\.\\d+\\.\\d+.*"), found.version());
    }

    @Test
    void everyLevelSavesAModelWithFewerNodesThatGivesTheSameOutputs() throws Exception {
        Path model = ModelJars.extract(ModelJars.MINILM, dir);
        float[] expected = hiddenStates(model);
        int previous = Integer.MAX_VALUE;
        for (GraphOptimize.Level level : GraphOptimize.Level.values()) {
            Path target = dir.resolve("minilm-" + level.spelling() + ".onnx");
            GraphOptimizer.Optimized nodes = new OrtGraphOptimizer().optimize(model, target, level);
            System.out.printf("graph-optimize %s of MiniLM: %d -> %d nodes, %.2f MB%n", level.spelling(),
                    nodes.nodesBefore(), nodes.nodesAfter(), Files.size(target) / 1e6);
            assertEquals(OnnxNodeCount.of(model), nodes.nodesBefore());
            assertTrue(nodes.nodesAfter() < nodes.nodesBefore(), level + ": " + nodes);
            assertTrue(nodes.nodesAfter() <= previous, level + " fuses at least what the level below does");
            previous = nodes.nodesAfter();
            float[] actual = hiddenStates(target);
            assertEquals(expected.length, actual.length);
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(worst < 1e-3, level + ": largest difference " + worst);
        }
    }

    @Test
    void aModelThatIsNotOnnxIsRefusedAndAnExistingTargetIsKept() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        assertThrows(BackendException.class, () -> new OrtGraphOptimizer().optimize(junk, dir.resolve("out.onnx"),
                GraphOptimize.Level.BASIC));
        Path existing = Files.writeString(dir.resolve("exists.onnx"), "keep me");
        assertThrows(BackendException.class, () -> new OrtGraphOptimizer().optimize(junk, existing,
                GraphOptimize.Level.BASIC));
        assertEquals("keep me", Files.readString(existing));
    }

    @Test
    void nodeCountReadsTheWireFormatAndRefusesGarbage() throws Exception {
        // ModelProto{graph(7): GraphProto{node(1): {}, name(2): "g", node(1): {op_type(4): "Relu"}}}
        byte[] graph = {0x0a, 0x00, 0x12, 0x01, 'g', 0x0a, 0x06, 0x22, 0x04, 'R', 'e', 'l', 'u'};
        byte[] model = new byte[graph.length + 4];
        model[0] = 0x08; // ir_version(1) = 7
        model[1] = 0x07;
        model[2] = 0x3a; // field 7, length-delimited
        model[3] = (byte) graph.length;
        System.arraycopy(graph, 0, model, 4, graph.length);
        assertEquals(2, OnnxNodeCount.count(ByteBuffer.wrap(model)));
        assertThrows(IOException.class, () -> OnnxNodeCount.count(ByteBuffer.wrap(new byte[] {0x08})));
        assertThrows(IOException.class, () -> OnnxNodeCount.count(ByteBuffer.wrap(new byte[] {0x08, 0x01})),
                "no graph");
    }

    private static float[] hiddenStates(Path model) throws BackendException {
        try (ModelSession session = new OrtBackendProvider().open(TestModels.request(model,
                Map.of("intra-op-threads", 1L)));
             Runner runner = session.newRunner()) {
            return runner.runAndFetch(runner.prepare(MiniLm.inputs(2, 24, 3))).get("last_hidden_state")
                    .toFloatArray();
        }
    }
}
