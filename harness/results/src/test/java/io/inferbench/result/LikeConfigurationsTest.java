package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LikeConfigurationsTest {
    private static ConfigurationResult config(String id, String model, String input, String output,
                                              ConfigurationStatus status) {
        List<TensorInfo> in = input == null ? List.of() : List.of(new TensorInfo(input, "int64", List.of(1L, 128L)));
        List<TensorInfo> out = output == null ? List.of() : List.of(new TensorInfo(output, "float32", List.of(-1L)));
        return result(id, "b", model, in, out, status);
    }

    private static final InputFeed FEED = new InputFeed("random(seed=42)", 1, 128, 64, 42);

    private static ConfigurationResult result(String id, String backend, String model, List<TensorInfo> in,
                                              List<TensorInfo> out, ConfigurationStatus status) {
        return result(id, backend, model, in, out, status, FEED);
    }

    private static ConfigurationResult result(String id, String backend, String model, List<TensorInfo> in,
                                              List<TensorInfo> out, ConfigurationStatus status, InputFeed feed) {
        ModelInfo declared = new ModelInfo(model, model, "", "onnx", 0, "", null, model);
        ConfigurationSetup setup = new ConfigurationSetup(id, id, Map.of(), backend, "cpu", "single-stream", declared,
                feed, null, Map.of("model", model, "inputs.sequence-length", "128"));
        ConfigurationOutcome outcome = status == ConfigurationStatus.OK ? new ConfigurationOutcome.Ok(null)
                : ConfigurationOutcome.notMeasured(status, null);
        return new ConfigurationResult(setup, new SessionInfo(in, out, Map.of()), outcome, null, null, null);
    }

    @Test
    void sameInputsAndOutputsAreAlikeOtherModelsAreNot() {
        var fp32 = config("c01", "minilm", "input_ids", "last_hidden_state", ConfigurationStatus.OK);
        var int8 = config("c02", "minilm-q", "input_ids", "last_hidden_state", ConfigurationStatus.OK);
        var ocr = config("c03", "ocr", "x", "scores", ConfigurationStatus.OK);
        assertTrue(LikeConfigurations.alike(fp32, int8), "fp32 and int8 take the same inputs");
        assertFalse(LikeConfigurations.alike(fp32, ocr));
    }

    @Test
    void inputsFedOtherwiseAreNotAlike() {
        var ids = List.of(new TensorInfo("input_ids", "int64", List.of(1L, 128L)));
        var out = List.of(new TensorInfo("last_hidden_state", "float32", List.of(-1L)));
        var random = result("c01", "onnxruntime", "minilm", ids, out, ConfigurationStatus.OK);
        var text = result("c02", "onnxruntime", "minilm", ids, out, ConfigurationStatus.OK,
                new InputFeed("text:sentences.txt", 1, 128, 64, 42));
        var otherSeed = result("c03", "onnxruntime", "minilm", ids, out, ConfigurationStatus.OK,
                new InputFeed("random(seed=7)", 1, 128, 64, 7));
        assertFalse(LikeConfigurations.alike(random, text), "random tensors and tokenized text");
        assertFalse(LikeConfigurations.alike(random, otherSeed), "other samples");
        assertTrue(LikeConfigurations.alike(random, result("c04", "djl-onnxruntime", "minilm", ids, out,
                ConfigurationStatus.OK)), "the same feed on another backend");
    }

    @Test
    void inputsAreMatchedByNameNotByPosition() {
        var ids = new TensorInfo("input_ids", "int64", List.of(1L, 128L));
        var mask = new TensorInfo("attention_mask", "int64", List.of(1L, 128L));
        var out = List.of(new TensorInfo("last_hidden_state", "float32", List.of(-1L)));
        var onnxOrder = result("c01", "onnxruntime", "minilm", List.of(ids, mask), out, ConfigurationStatus.OK);
        var sortedOrder = result("c02", "djl-tensorflow", "minilm", List.of(mask, ids), out, ConfigurationStatus.OK);
        var otherShape = result("c03", "onnxruntime", "minilm",
                List.of(ids, new TensorInfo("attention_mask", "int64", List.of(1L, 64L))), out, ConfigurationStatus.OK);
        assertTrue(LikeConfigurations.alike(onnxOrder, sortedOrder), "the same named inputs in another order");
        assertFalse(LikeConfigurations.alike(onnxOrder, otherShape), "a different shape of one input");
    }

    @Test
    void theLargestGroupKeepsFailedConfigurationsWithTheirModel() {
        var a = config("c01", "minilm", "input_ids", "h", ConfigurationStatus.OK);
        var b = config("c02", "ocr", "x", "s", ConfigurationStatus.OK);
        var c = config("c03", "minilm", null, null, ConfigurationStatus.FAILED);
        var d = config("c04", "ocr", "x", "s", ConfigurationStatus.OK);
        var e = config("c05", "ocr", "x", "s", ConfigurationStatus.OK);
        assertEquals(List.of("c02", "c04", "c05"), LikeConfigurations.largestGroup(List.of(a, b, c, d, e)).stream()
                .map(ConfigurationResult::id).toList());
        assertEquals(List.of("c01", "c03"), LikeConfigurations.largestGroup(List.of(a, b, c)).stream()
                .map(ConfigurationResult::id).toList(), "ties go to the first group");
    }
}
