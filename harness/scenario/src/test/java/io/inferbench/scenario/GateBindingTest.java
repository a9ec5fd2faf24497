package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gate:} as scenario files declare it: the values as the gate reads them (fractions for the
 * relative thresholds, points for accuracy), unset keys left to the gate's defaults, and every bad
 * field a problem at its line and column; the same from a recorded scenario's text alone.
 */
class GateBindingTest {
    private static final String FILE = "test.yaml";
    private static final String BACKEND = "backend: { name: synthetic }\n";

    private static Scenario parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(Path.of(FILE), Path.of("."), yaml);
    }

    @Test
    void aFullBlockBindsAsTheGateReadsIt() throws Exception {
        GateSpec gate = parse(BACKEND + """
                gate:
                  thresholds: { p50: 5%, p99: 7.5, throughput: 5%, accuracy: 1.5, peak-rss: 10%, energy-per-inference: 12% }
                  alpha: 0.01
                  lookback: 20
                  min-history: 4
                  confirm: 2
                  common-mode: false
                """).gate();
        assertEquals(Map.of("p50", 0.05, "p99", 0.075, "throughput", 0.05, "accuracy", 1.5, "peak-rss", 0.10,
                "energy-per-inference", 0.12), gate.thresholds());
        assertEquals(List.copyOf(gate.thresholds().keySet()), GateSpec.METRICS, "in the metrics' order");
        assertEquals(0.01, gate.alpha());
        assertEquals(20, gate.lookback());
        assertEquals(4, gate.minHistory());
        assertEquals(2, gate.confirm());
        assertEquals(false, gate.commonMode());
        assertFalse(gate.isNone());
    }

    @Test
    void unsetKeysAreLeftToTheGatesDefaults() throws Exception {
        assertSame(GateSpec.NONE, parse(BACKEND).gate());
        GateSpec some = parse(BACKEND + "gate: { thresholds: { p99: 8% }, confirm: 0 }\n").gate();
        assertEquals(Map.of("p99", 0.08), some.thresholds());
        assertEquals(0.08, some.threshold("p99").orElseThrow(), 1e-12);
        assertTrue(some.threshold("p50").isEmpty());
        assertAll(() -> assertNull(some.alpha()), () -> assertNull(some.lookback()),
                () -> assertNull(some.minHistory()), () -> assertNull(some.commonMode()));
        assertEquals(0, some.confirm());
        assertTrue(parse(BACKEND + "gate: {}\n").gate().isNone());
    }

    /** The gate is scenario-wide: configurations do not see it, and a matrix variant cannot set it. */
    @Test
    void theBlockIsScenarioWide() throws Exception {
        Scenario s = parse(BACKEND + """
                gate: { alpha: 0.01 }
                matrix:
                  size: { small: {}, large: {} }
                """);
        assertEquals(2, s.configurations().size());
        assertEquals(0.01, s.gate().alpha());
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BACKEND + """
                matrix:
                  size: { small: { gate: { alpha: 0.01 } }, large: {} }
                  threads: { one: {}, two: {} }
                """));
        assertEquals(1, e.problems().size(), e::getMessage);
        assertEquals("gate", e.problems().get(0).path());
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("gate is scenario-wide"), e.getMessage());
    }

    static Stream<Arguments> badBlocks() {
        return Stream.of(
                bad("gate: { alpha: 0.5 }", 1, 16, "gate.alpha", "above 0 and below 0.5, got '0.5'"),
                bad("gate: { alpha: 0 }", 1, 16, "gate.alpha", "above 0 and below 0.5"),
                bad("gate: { alpha: often }", 1, 16, "gate.alpha", "got 'often'"),
                bad("gate: { lookback: 1 }", 1, 19, "gate.lookback", "expected an integer >= 2, got '1'"),
                bad("gate: { lookback: 2 }", 1, 19, "gate.lookback",
                        "lookback (2) must be at least min-history (3, its default)"),
                bad("gate:\n  min-history: 5\n  lookback: 4\n", 3, 13, "gate.lookback",
                        "lookback (4) must be at least min-history (5)"),
                bad("gate: { min-history: 1 }", 1, 22, "gate.min-history", "expected an integer >= 2, got '1'"),
                bad("gate: { confirm: 21 }", 1, 18, "gate.confirm", "at most 20 confirmation reruns, got 21"),
                bad("gate: { confirm: -1 }", 1, 18, "gate.confirm", "expected an integer >= 0, got '-1'"),
                bad("gate: { common-mode: sometimes }", 1, 22, "gate.common-mode",
                        "expected true or false, got 'sometimes'"),
                bad("gate: { thresholds: { p50: 0.05% , p99: 100% } }", 1, 41, "gate.thresholds.p99",
                        "expected a percentage between 0 and 100 such as 10%, got '100%'"),
                bad("gate: { thresholds: { throughput: fast } }", 1, 35, "gate.thresholds.throughput",
                        "expected a percentage"),
                bad("gate: { thresholds: { accuracy: 1% } }", 1, 33, "gate.thresholds.accuracy",
                        "in percentage points: write 1 for one point, not '1%'"),
                bad("gate: { thresholds: { accuracy: 101 } }", 1, 33, "gate.thresholds.accuracy",
                        "at least 0 and at most 100, got '101'"),
                bad("gate: { thresholds: { p90: 5% } }", 1, 23, "gate.thresholds.p90", "unknown key 'p90'.",
                        "Expected one of: p50, p99, throughput, accuracy, peak-rss, energy-per-inference"),
                bad("gate: { alhpa: 0.01 }", 1, 9, "gate.alhpa", "unknown key 'alhpa'.", "Did you mean 'alpha'?"),
                bad("gate: strict", 1, 7, "gate", "expected a mapping"));
    }

    /** A block, where its one problem is (line and column within the block), and what the message says. */
    private static Arguments bad(String block, int line, int column, String path, String... messageParts) {
        return Arguments.of(block, line, column, path, List.of(messageParts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBlocks")
    void eachBadFieldIsAPositionedProblem(String block, int line, int column, String path, List<String> parts) {
        for (boolean fromSource : new boolean[] {false, true}) {
            // The same problem from the parser (after a first line holding the backend) and from the text alone.
            int offset = fromSource ? 0 : 1;
            ScenarioException e = assertThrows(ScenarioException.class, () -> {
                if (fromSource) {
                    GateSpec.fromScenarioSource(block + "\n", FILE);
                } else {
                    parse(BACKEND + block + "\n");
                }
            });
            assertEquals(1, e.problems().size(), e::getMessage);
            Problem p = e.problems().get(0);
            String where = (fromSource ? "fromScenarioSource: " : "parse: ") + p.format();
            assertAll(where,
                    () -> assertEquals(FILE, p.file(), "file"),
                    () -> assertEquals(line + offset, p.line(), "line"),
                    () -> assertEquals(column, p.column(), "column"),
                    () -> assertEquals(path, p.path(), "path"),
                    () -> {
                        for (String part : parts) {
                            assertTrue(p.message().contains(part), "message should contain <" + part + ">");
                        }
                    });
        }
    }

    @Test
    void fromScenarioSourceReadsOnlyTheBlock() throws Exception {
        String recorded = """
                name: nightly
                backend: { name: some-backend-not-installed-here }
                model: { path: gone.onnx }
                a-key-of-a-later-version: 1
                gate:
                  thresholds: { p50: 3% }
                  confirm: 2
                """;
        GateSpec gate = GateSpec.fromScenarioSource(recorded, "result.json");
        assertEquals(Map.of("p50", 0.03), gate.thresholds());
        assertEquals(2, gate.confirm());
        assertSame(GateSpec.NONE, GateSpec.fromScenarioSource("name: nightly\nbackend: { name: x }\n", "r.json"));
        assertSame(GateSpec.NONE, GateSpec.fromScenarioSource("", "r.json"));
        ScenarioException yaml = assertThrows(ScenarioException.class,
                () -> GateSpec.fromScenarioSource("gate: { alpha: [\n", "r.json"));
        assertTrue(yaml.getMessage().startsWith("r.json:") && yaml.getMessage().contains("invalid YAML"),
                yaml.getMessage());
        ScenarioException list = assertThrows(ScenarioException.class,
                () -> GateSpec.fromScenarioSource("- gate\n", "r.json"));
        assertTrue(list.getMessage().contains("expected a mapping"), list.getMessage());
    }

    /** The parser reports a bad gate block together with the scenario's other problems, in one pass. */
    @Test
    void problemsElsewhereAreReportedAlongside() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BACKEND + """
                recommend: { goal: fastest }
                gate: { confirm: 99 }
                """));
        String all = e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
        assertEquals(2, e.problems().size(), all);
        assertTrue(all.contains("recommend.goal") && all.contains("gate.confirm"), all);
    }

    @Test
    void theRecordRefusesUnknownMetrics() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GateSpec(Map.of("p95", 0.05), null, null, null, null, null));
        assertTrue(e.getMessage().contains("unknown metric 'p95'"), e.getMessage());
    }
}
