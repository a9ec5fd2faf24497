package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The result reader on any document: a valid result truncated anywhere, a field given a value of
 * another type, or another schema version is either read or refused with one short line naming
 * the document; no other exception escapes.
 */
class ResultReaderPropertiesTest {
    private static final String VALID = ResultJson.toJson(sample());

    static RunResult sample() {
        ConfigurationSetup setup = new ConfigurationSetup("c01", "a", Map.of("x", "1"), "b", "cpu", "single-stream",
                new ModelInfo("m", "m.onnx", "/m.onnx", "onnx", 1, "", null, "m.onnx"),
                new InputFeed("text:s.txt", 1, 64, 8, 7), "0", Map.of("model", "m.onnx"));
        List<ConfigurationResult> configs = List.of(
                new ConfigurationResult(setup, null, new ConfigurationOutcome.Ok(Verdict.of(List.of())), null, null,
                        null),
                ConfigurationResult.notMeasured(setup, SessionInfo.NONE, ConfigurationStatus.FAILED, "boom",
                        List.of()));
        ScenarioRecord scenario = new ScenarioRecord("s.yaml", "s", "d", "0".repeat(64), "name: s\n");
        return new RunResult(RunResult.SCHEMA, "r1", Instant.parse("2026-01-01T00:00:00Z"), null, scenario, null,
                configs, null);
    }

    /** Read, or refused in one line starting with the document's name. */
    private static void readOrRefused(String json) {
        try {
            ResultJson.fromJson(json);
        } catch (IOException e) {
            assertTrue(e.getMessage().startsWith("result"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().length() < 500, e.getMessage());
        } catch (RuntimeException e) {
            fail("escaped as " + e, e);
        }
    }

    @Property(tries = 400)
    void aTruncatedResultIsRefusedInOneLine(@ForAll @IntRange(min = 0, max = 100_000) int at) {
        int cut = at % VALID.length();
        readOrRefused(VALID.substring(0, cut));
    }

    @Provide
    Arbitrary<String> wrongValues() {
        return Arbitraries.of("null", "0", "-1", "1e400", "true", "\"\"", "\"x\"", "[]", "[null]", "{}",
                "{\"a\":1}", "\"2026-13-45T99:00:00Z\"", "\"NaN\"");
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("runId", "startedAt", "finishedAt", "scenario", "environment", "configurations",
                "summary", "setup", "id", "label", "outcome", "status", "reason", "phases", "resources",
                "accuracy", "axes", "model", "feed", "settings", "sizeBytes", "shard", "merge");
    }

    @Property(tries = 600)
    void aFieldOfTheWrongTypeIsReadOrRefusedInOneLine(@ForAll("fields") String field,
                                                       @ForAll("wrongValues") String value) {
        // Replace the first value of that field, whatever it was, by a value of another type.
        String json = VALID.replaceFirst("\"" + field + "\" : (\"[^\"]*\"|[^,}\\]\\n]+|\\{[^}]*\\}|\\[[^\\]]*\\])",
                "\"" + field + "\" : " + java.util.regex.Matcher.quoteReplacement(value));
        readOrRefused(json);
    }

    @Property(tries = 200)
    void anotherSchemaVersionIsRefusedInOneLine(@ForAll @IntRange(min = 3, max = 1000) int version) {
        String json = VALID.replace("\"inferbench.run/2\"", "\"inferbench.run/" + version + "\"");
        try {
            ResultJson.fromJson(json);
            fail("schema " + version + " was read");
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("inferbench.run/" + version + " is not one this InferBench reads"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Property(tries = 200)
    void anyTextIsReadOrRefusedInOneLine(@ForAll String text) {
        readOrRefused(text);
    }
}
