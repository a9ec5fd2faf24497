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
        return new ConfigurationResult(id, id, Map.of(), "b", "cpu", "single-stream",
                Map.of("model", model, "inputs.sequence-length", "128"), null, status, null, null, in, out, Map.of(),
                0, null, null);
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
    void inputsAreMatchedByNameNotByPosition() {
        var ids = new TensorInfo("input_ids", "int64", List.of(1L, 128L));
        var mask = new TensorInfo("attention_mask", "int64", List.of(1L, 128L));
        var out = List.of(new TensorInfo("last_hidden_state", "float32", List.of(-1L)));
        Map<String, String> settings = Map.of("model", "minilm", "inputs.sequence-length", "128");
        var onnxOrder = new ConfigurationResult("c01", "c01", Map.of(), "onnxruntime", "cpu", "single-stream",
                settings, null, ConfigurationStatus.OK, null, null, List.of(ids, mask), out, Map.of(), 0, null, null);
        var sortedOrder = new ConfigurationResult("c02", "c02", Map.of(), "djl-tensorflow", "cpu", "single-stream",
                settings, null, ConfigurationStatus.OK, null, null, List.of(mask, ids), out, Map.of(), 0, null, null);
        var otherShape = new ConfigurationResult("c03", "c03", Map.of(), "onnxruntime", "cpu", "single-stream",
                settings, null, ConfigurationStatus.OK, null, null,
                List.of(ids, new TensorInfo("attention_mask", "int64", List.of(1L, 64L))), out, Map.of(), 0, null, null);
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
