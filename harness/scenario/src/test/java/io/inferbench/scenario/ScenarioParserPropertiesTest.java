package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The scenario parser, and the duration and size parsers under it, on any input: a scenario is
 * parsed or refused with positioned one-line problems (never another exception), durations and
 * sizes round-trip or are refused, and nothing in range overflows.
 */
class ScenarioParserPropertiesTest {
    private static final ScenarioParser PARSER = TestBackends.parser();

    /** Parsed, or refused with problems that each are one line; nothing else escapes. */
    private static void parsedOrRefused(String yaml) {
        try {
            PARSER.parse(Path.of("p.yaml"), Path.of("."), yaml);
        } catch (ScenarioException e) {
            assertFalse(e.problems().isEmpty());
            for (Problem p : e.problems()) {
                assertEquals(1, p.format().lines().count(), p.format());
                assertTrue(p.format().startsWith("p.yaml"), p.format());
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail("escaped on\n" + yaml + "\n as " + e, e);
        }
    }

    @Property(tries = 300)
    void anyTextIsParsedOrRefused(@ForAll @StringLength(max = 200) String text) {
        parsedOrRefused(text);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "~", "null", "-1", "0", "1", "1e400", "99999999999999999999", "0x7fffffffffffffff",
                        "1h", "25h", "1.5m", "500ms", "-5s", "NaN", ".inf", "[]", "[1, 2]", "{}", "{ a: 1 }", "'x'",
                        "yes", "true", "*alias", "&a x", "!!binary AAAA", "\"\\u0000\""),
                Arbitraries.integers().map(Object::toString),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.doubles().map(Object::toString));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("run.warmup", "run.min-duration", "run.max-duration", "run.min-queries", "run.forks",
                "run.timeout", "run.jvm.heap", "load.concurrency", "load.workers", "load.rate", "load.slo",
                "inputs.batch-size", "inputs.samples", "inputs.sequence-length", "backend.options.latency-ms",
                "backend.options.seed", "recommend.max-latency", "gate.lookback", "name", "description", "matrix.a");
    }

    @Property(tries = 1000)
    void anyValueAtAnyKnownKeyIsParsedOrRefused(@ForAll("keys") String key, @ForAll("values") String value,
                                                 @ForAll boolean concurrency) {
        String[] path = key.split("\\.");
        StringBuilder yaml = new StringBuilder("backend: { name: synthetic }\n");
        if (concurrency && !key.startsWith("load.")) {
            yaml.append("load: { profile: concurrency, concurrency: 2 }\n");
        }
        if (key.startsWith("load.")) {
            yaml.append("load:\n  profile: ").append(key.equals("load.slo") ? "peak-search\n  percentile: 99"
                    : key.equals("load.rate") ? "rate" : key.equals("load.workers") ? "offline" : "concurrency")
                    .append("\n  ").append(path[1]).append(": ").append(value).append('\n');
        } else if (path.length == 1) {
            yaml.append(key).append(": ").append(value).append('\n');
        } else {
            String indent = "";
            for (int i = 0; i < path.length - 1; i++) {
                if (!(i == 0 && path[0].equals("backend"))) {
                    yaml.append(indent).append(path[i]).append(":\n");
                    indent += "  ";
                } else {
                    yaml.setLength(0);
                    yaml.append("backend:\n  name: synthetic\n");
                    indent = "  ";
                }
            }
            yaml.append(indent).append(path[path.length - 1]).append(": ").append(value).append('\n');
        }
        parsedOrRefused(yaml.toString());
    }

    @Property(tries = 500)
    void aWholeNumberWithAUnitRoundTrips(@ForAll @LongRange(min = 0, max = 1_000_000) long n,
                                         @ForAll("units") String unit) {
        Optional<Duration> d = Durations.parse(n + unit);
        assertTrue(d.isPresent(), n + unit);
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1;
            case "us" -> 1_000;
            case "ms" -> 1_000_000;
            case "", "s" -> 1_000_000_000;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        assertEquals(Duration.ofNanos(n * nanosPerUnit), d.get());
        if (d.get().toNanos() % 1_000_000 == 0) {
            assertEquals(d, Durations.parse(Durations.format(d.get())), "format is parsed back");
        }
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of("", "ns", "us", "ms", "s", "m", "h");
    }

    @Property(tries = 500)
    void anyTextIsADurationOrEmptyAndNeverNegative(@ForAll @StringLength(max = 40) String text) {
        Optional<Duration> d = Durations.parse(text);
        d.ifPresent(x -> assertFalse(x.isNegative(), text));
    }

    @Property(tries = 300)
    void aHugeDurationSaturatesInsteadOfOverflowing(@ForAll @IntRange(min = 20, max = 400) int digits,
                                                    @ForAll("units") String unit) {
        Optional<Duration> d = Durations.parse("9".repeat(digits) + unit);
        assertTrue(d.isPresent());
        assertFalse(d.get().isNegative(), "no wrap-around");
        assertTrue(d.get().compareTo(ValueTypeBounds.DAY) > 0, "and so refused by the key's maximum");
    }

    @Property(tries = 500)
    void aHeapSizeIsBytesOrEmptyAndNeverOverflows(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long n,
                                                  @ForAll("sizeUnits") String unit) {
        OptionalLong b = HeapSizes.bytes(n + unit);
        int shift = switch (unit) {
            case "k", "K" -> 10;
            case "m", "M" -> 20;
            case "g", "G" -> 30;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            assertTrue(b.isEmpty(), n + unit + " overflows a long");
        } else {
            assertEquals(OptionalLong.of(n << shift), b, n + unit);
        }
    }

    @Provide
    Arbitrary<String> sizeUnits() {
        return Arbitraries.of("", "k", "K", "m", "M", "g", "G");
    }

    @Property(tries = 300)
    void anyTextIsASizeOrEmpty(@ForAll @StringLength(max = 30) String text) {
        HeapSizes.bytes(text).ifPresent(b -> assertTrue(b > 0, text));
    }

    @Provide
    Arbitrary<List<Integer>> axisSizes() {
        return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 100)
    void aMatrixIsRefusedExactlyWhenItExceedsTheBound(@ForAll("axisSizes") List<Integer> sizes,
                                                      @ForAll @IntRange(min = 1, max = 2000) int bound) {
        StringBuilder yaml = new StringBuilder("backend: { name: synthetic }\nmatrix:\n");
        long product = 1;
        for (int a = 0; a < sizes.size(); a++) {
            yaml.append("  a").append(a).append(":\n");
            for (int v = 0; v < sizes.get(a); v++) {
                yaml.append("    v").append(v).append(": {}\n");
            }
            product *= sizes.get(a);
        }
        long planned = product;
        try {
            Scenario s = PARSER.withMaxConfigurations(bound).parse(Path.of("p.yaml"), Path.of("."), yaml.toString());
            assertTrue(planned <= bound, "accepted " + planned + " > " + bound);
            assertEquals(planned, s.configurations().size());
        } catch (ScenarioException e) {
            assertTrue(planned > bound, () -> "refused " + planned + " <= " + bound + ": " + e.problems());
            assertTrue(e.problems().get(0).message().contains(planned + " configurations"));
        }
    }

    /** The bounds the property compares against, from the single definition. */
    private static final class ValueTypeBounds {
        static final Duration DAY = io.inferbench.scenario.keys.ValueType.Duration.DAY;
    }

}
