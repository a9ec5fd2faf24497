package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.scenario.keys.KeySpec;
import io.inferbench.scenario.keys.ScenarioKeys;
import io.inferbench.scenario.keys.SectionSpec;
import io.inferbench.scenario.keys.ValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key definitions are consistent: every default is a value of its key's type, and every key is described. */
class KeyDefinitionsTest {

    /** Every section reachable from the top level, each once. */
    private static Set<SectionSpec> sections() {
        Set<SectionSpec> out = new LinkedHashSet<>();
        collect(ScenarioKeys.SCENARIO, out);
        return out;
    }

    private static void collect(SectionSpec section, Set<SectionSpec> out) {
        if (out.add(section)) {
            for (KeySpec key : section.keys()) {
                ValueType t = key.type();
                while (t instanceof ValueType.ListOf || t instanceof ValueType.MapOf) {
                    t = t instanceof ValueType.ListOf l ? l.items() : ((ValueType.MapOf) t).values();
                }
                if (t instanceof ValueType.Section s) {
                    collect(s.section(), out);
                } else if (t instanceof ValueType.Matrix m) {
                    collect(m.sweep(), out);
                }
            }
        }
    }

    @Test
    void defaultsAreValuesOfTheirType() {
        List<String> wrong = new ArrayList<>();
        for (SectionSpec section : sections()) {
            for (KeySpec key : section.keys()) {
                if (key.defaultValue() != null && !fits(key.type(), key.defaultValue())) {
                    wrong.add(section.id() + "." + key.name() + " = " + key.defaultValue());
                }
            }
        }
        assertTrue(wrong.isEmpty(), () -> "defaults outside their key's type:\n" + String.join("\n", wrong));
        assertTrue(sections().size() > 10, "the walk reaches the nested sections");
    }

    private static boolean fits(ValueType type, Object v) {
        if (type instanceof ValueType.Whole w) {
            return v instanceof Long l && l >= w.min() && l <= w.max();
        } else if (type instanceof ValueType.Decimal d) {
            double x = ((Number) v).doubleValue();
            return (Double.isNaN(d.min()) || (d.minExclusive() ? x > d.min() : x >= d.min()))
                    && (Double.isNaN(d.max()) || (d.maxExclusive() ? x < d.max() : x <= d.max()));
        } else if (type instanceof ValueType.Choice c) {
            return c.values().contains(v);
        } else if (type instanceof ValueType.ChoiceOrSection c) {
            return c.choice().values().contains(v);
        } else if (type instanceof ValueType.NumberChoice c) {
            return c.values().contains(v);
        } else if (type instanceof ValueType.Duration || type instanceof ValueType.Warmup) {
            return Durations.parse(v.toString()).isPresent();
        } else if (type instanceof ValueType.Percentage) {
            return v.toString().matches("\\d+(\\.\\d+)?%");
        } else if (type instanceof ValueType.Flag) {
            return v instanceof Boolean;
        } else if (type instanceof ValueType.Text t) {
            return t.accepts(v.toString());
        }
        return false;
    }

    /** What editors show: a key's own description, or for a key holding a section, the section's. */
    @Test
    void everyKeyIsDescribed() {
        for (SectionSpec section : sections()) {
            assertFalse(section.description().isBlank(), section.id());
            for (KeySpec key : section.keys()) {
                assertTrue(key.description() != null || key.type() instanceof ValueType.Section,
                        section.id() + "." + key.name());
            }
        }
    }

    /** The defaults the binder applies are the definitions' (a file without the keys binds to them). */
    @Test
    void anEmptyScenarioBindsToTheDefinedDefaults() throws Exception {
        ConfigurationSpec c = TestBackends.parser().parse(Path.of("d.yaml"), Path.of("."), "backend: { name: synthetic }\n")
                .configurations().get(0);
        assertEquals(RunBinder.DEFAULT_MIN_DURATION, c.run().minDuration());
        assertEquals(RunBinder.DEFAULT_MAX_DURATION, c.run().maxDuration());
        assertEquals(RunBinder.DEFAULT_WARMUP, c.run().warmup());
        assertEquals(RunBinder.DEFAULT_MIN_QUERIES, c.run().minQueries());
        assertEquals(RunSpec.DEFAULT_FORKS, c.run().forks());
        assertEquals(128, c.inputs().sequenceLength());
        assertNotNull(c.hardware());
    }

    @Test
    void textPatternsMatchAsJsonSchemaDoes() {
        ValueType.Text heap = ValueType.Text.matching("^[1-9][0-9]*[kKmMgG]?$");
        assertTrue(heap.accepts("512m"));
        assertFalse(heap.accepts("2g\n"), "ECMA-262's $ is the very end");
        assertFalse(heap.accepts("0g"));
        assertTrue(ValueType.Text.matching("^-").accepts("-Xss1m"));
        assertFalse(new ValueType.Text(null, 1).accepts(""));
    }
}
