package io.inferbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OpenMetrics text parses back, line by line, to the run's figures and labels. */
class OpenMetricsFormatTest {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern META = Pattern.compile("# (TYPE|UNIT|HELP) (" + NAME.pattern() + ") (.*)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME.pattern() + ")(\\{.*})? (\\S+)");
    private static final Set<String> TYPES = Set.of("gauge", "counter", "stateset", "info", "histogram", "summary",
            "gaugehistogram", "unknown");

    /** A parsed sample. */
    record Sample(String family, String name, Map<String, String> labels, double value) {
    }

    /**
     * A strict reader of the subset InferBench writes: families declared (TYPE, then UNIT, HELP) before their
     * samples, each family's samples together and once, units as name suffixes, label values unescaped, and
     * {@code # EOF} last. Throws on the first line that breaks a rule.
     */
    static List<Sample> parse(String text) {
        assertTrue(text.endsWith("# EOF\n"), "ends with # EOF and a line feed");
        List<String> lines = List.of(text.substring(0, text.length() - "# EOF\n".length()).split("\n", -1));
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Set<String> closed = new LinkedHashSet<>();
        String current = null;
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1) + ": " + line;
            Matcher meta = META.matcher(line);
            if (meta.matches()) {
                String family = meta.group(2);
                if (meta.group(1).equals("TYPE")) {
                    if (current != null) {
                        closed.add(current);
                    }
                    if (closed.contains(family) || types.containsKey(family)) {
                        throw new IllegalStateException(where + ": family declared twice");
                    }
                    if (!TYPES.contains(meta.group(3))) {
                        throw new IllegalStateException(where + ": unknown type");
                    }
                    types.put(family, meta.group(3));
                    current = family;
                } else if (!family.equals(current)) {
                    throw new IllegalStateException(where + ": metadata of a family that is not the current one");
                } else if (meta.group(1).equals("UNIT") && !family.endsWith("_" + meta.group(3))) {
                    throw new IllegalStateException(where + ": the unit must be the name's suffix");
                }
                continue;
            }
            Matcher s = SAMPLE.matcher(line);
            if (!s.matches()) {
                throw new IllegalStateException(where + ": neither metadata nor a sample");
            }
            String name = s.group(1);
            if (current == null || !(name.equals(current) || name.equals(current + "_info"))) {
                throw new IllegalStateException(where + ": a sample outside its family");
            }
            if (types.get(current).equals("info") && !name.endsWith("_info")) {
                throw new IllegalStateException(where + ": an info sample's name ends in _info");
            }
            Map<String, String> labels = s.group(2) == null ? Map.of() : labels(s.group(2), where);
            if (types.get(current).equals("stateset") && !labels.containsKey(current)) {
                throw new IllegalStateException(where + ": a stateset sample names its state in a label of its name");
            }
            samples.add(new Sample(current, name, labels, Double.parseDouble(s.group(3).replace("+Inf", "Infinity"))));
        }
        if (!lines.get(lines.size() - 1).isEmpty()) {
            throw new IllegalStateException("the text does not end with a line feed before # EOF");
        }
        return samples;
    }

    /** {@code {a="x\"y",b="z"}}: names, and values with \\, \" and \n unescaped. */
    private static Map<String, String> labels(String braces, String where) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 1;
        while (i < braces.length() - 1) {
            int eq = braces.indexOf("=\"", i);
            String name = braces.substring(i, eq);
            if (!NAME.matcher(name).matches() || labels.containsKey(name)) {
                throw new IllegalStateException(where + ": bad or repeated label name " + name);
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; braces.charAt(j) != '"'; j++) {
                char c = braces.charAt(j);
                if (c == '\n') {
                    throw new IllegalStateException(where + ": a raw line feed in a label value");
                }
                if (c == '\\') {
                    char next = braces.charAt(++j);
                    value.append(switch (next) {
                        case 'n' -> '\n';
                        case '\\' -> '\\';
                        case '"' -> '"';
                        default -> throw new IllegalStateException(where + ": unknown escape \\" + next);
                    });
                } else {
                    value.append(c);
                }
            }
            labels.put(name, value.toString());
            i = j + 1;
            if (braces.charAt(i) == ',') {
                i++;
            }
        }
        return labels;
    }

    @ParameterizedTest(name = "gate: {0}")
    @ValueSource(booleans = {false, true})
    void parsesBackToTheRunsFiguresAndLabels(boolean withGate) {
        List<Sample> samples = parse(Golden.fixture(ExportFormat.OPENMETRICS, withGate));
        Sample p99 = samples.stream().filter(s -> s.name().equals("inferbench_latency_p99_seconds")
                && s.labels().get("configuration").equals(Fixtures.AWKWARD)).findFirst().orElseThrow();
        assertEquals(Map.of("scenario", "nightly", "configuration", Fixtures.AWKWARD), p99.labels());
        assertEquals(0.00975, p99.value(), 1e-12);
        assertEquals(432013312, samples.stream().filter(s -> s.name().equals("inferbench_peak_rss_bytes"))
                .findFirst().orElseThrow().value());
        assertEquals(1, samples.stream().filter(s -> s.family().equals("inferbench_configuration_status")
                && s.labels().get("configuration").equals("precision=fp16")
                && s.labels().get("inferbench_configuration_status").equals("failed")).findFirst().orElseThrow().value());
        assertEquals(withGate, samples.stream().anyMatch(s -> s.name().equals("inferbench_gate_passed")));
        if (withGate) {
            assertTrue(samples.stream().anyMatch(s -> s.name().equals("inferbench_gate_verdict_info")
                    && "regression".equals(s.labels().get("verdict")) && "p99".equals(s.labels().get("metric"))));
        }
    }

    @Test
    void aLabelWithALineFeedIsEscaped() {
        assertEquals("a\\nb \\\"c\\\" d\\\\e", OpenMetricsFormat.escape("a\nb \"c\" d\\e"));
    }

    /** The reader is strict: it refuses what a scraper would. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no EOF", "unescaped quote", "sample before its TYPE", "family twice"})
    void theReaderRefusesBrokenText(String breakage) {
        String text = Golden.fixture(ExportFormat.OPENMETRICS, false);
        String broken = switch (breakage) {
            case "no EOF" -> text.replace("# EOF\n", "");
            case "unescaped quote" -> text.replace("\\\"q\\\"", "\"q\"");
            case "sample before its TYPE" -> "inferbench_x 1\n" + text;
            default -> text.replace("# EOF\n", "# TYPE inferbench_peak_rss_bytes gauge\n# EOF\n");
        };
        assertFalse(broken.equals(text));
        assertThrows(Throwable.class, () -> parse(broken));
    }
}
