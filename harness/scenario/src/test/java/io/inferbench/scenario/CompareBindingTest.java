package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code compare:}: the statistic and margin as the comparisons read them, defaults, and positioned problems. */
class CompareBindingTest {
    private static final String FILE = "test.yaml";
    private static final String BACKEND = "backend: { name: synthetic }\n";

    private static Scenario parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(Path.of(FILE), Path.of("."), yaml);
    }

    @Test
    void theBlockBindsMetricAndMargin() throws Exception {
        assertEquals(new CompareSpec("p99", 2.5), parse(BACKEND + "compare: { metric: p99, margin: 2.5% }\n").compare());
        assertEquals(new CompareSpec("p90", 10), parse(BACKEND + "compare: { metric: p90, margin: 10 }\n").compare());
    }

    @Test
    void withoutTheBlockOrAKeyTheMedianWithinFivePercent() throws Exception {
        assertEquals(CompareSpec.DEFAULT, parse(BACKEND).compare());
        assertEquals(new CompareSpec("median", 5), CompareSpec.DEFAULT);
        assertEquals(new CompareSpec("median", 3), parse(BACKEND + "compare: { margin: 3% }\n").compare());
        assertEquals(new CompareSpec("p90", 5), parse(BACKEND + "compare: { metric: p90 }\n").compare());
    }

    @Test
    void theBlockIsScenarioWide() throws Exception {
        Scenario s = parse(BACKEND + """
                compare: { metric: p90 }
                matrix:
                  size: { small: {}, large: {} }
                """);
        assertEquals(2, s.configurations().size());
        assertEquals("p90", s.compare().metric());
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BACKEND + """
                matrix:
                  size: { small: { compare: { metric: p99 } }, large: {} }
                """));
        assertTrue(e.getMessage().contains("compare"), e.getMessage());
    }

    static Stream<Arguments> badBlocks() {
        return Stream.of(
                bad("compare: { metric: p95 }", 1, 20, "compare.metric", "p95", "median, p90, p99"),
                bad("compare: { margin: -3% }", 1, 20, "compare.margin",
                        "expected a percentage between 0 and 100 such as 10%, got '-3%'"),
                bad("compare: { margin: 200% }", 1, 20, "compare.margin", "got '200%'"),
                bad("compare: { margin: 0% }", 1, 20, "compare.margin", "got '0%'"),
                bad("compare: { margin: wide }", 1, 20, "compare.margin", "got 'wide'"),
                bad("compare: { metirc: p90 }", 1, 12, "compare.metirc", "unknown key 'metirc'.",
                        "Did you mean 'metric'?"),
                bad("compare: median", 1, 10, "compare", "expected a mapping"));
    }

    private static Arguments bad(String block, int line, int column, String path, String... messageParts) {
        return Arguments.of(block, line, column, path, List.of(messageParts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBlocks")
    void eachBadFieldIsAPositionedProblem(String block, int line, int column, String path, List<String> parts) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BACKEND + block + "\n"));
        assertEquals(1, e.problems().size(), e::getMessage);
        Problem p = e.problems().get(0);
        assertAll(p.format(),
                () -> assertEquals(FILE, p.file()),
                () -> assertEquals(line + 1, p.line()),
                () -> assertEquals(column, p.column()),
                () -> assertEquals(path, p.path()),
                () -> parts.forEach(part -> assertTrue(p.message().contains(part), p.message())));
    }
}
