package io.inferbench.scenario.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.api.OptionSpec;
import io.inferbench.scenario.keys.LoadKeys;
import io.inferbench.scenario.keys.ScenarioKeys;
import io.inferbench.scenario.keys.SectionSpec;
import io.inferbench.synthetic.SyntheticBackendProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator writes what the key definitions and the declared options say, the same way every time. */
class SchemaGeneratorTest {
    private static final SyntheticBackendProvider SYNTHETIC = new SyntheticBackendProvider();

    private static ObjectNode schema() {
        return new SchemaGenerator(List.of(SYNTHETIC), List.of()).schema();
    }

    private static List<String> names(JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void regeneratingIsByteIdentical() {
        assertEquals(new SchemaGenerator(List.of(SYNTHETIC), List.of()).json(),
                new SchemaGenerator(List.of(SYNTHETIC), List.of()).json());
        assertTrue(new SchemaGenerator(List.of(SYNTHETIC), List.of()).json().endsWith("}\n"));
    }

    @Test
    void sectionsListTheirKeysInOrderAndNothingElse() {
        ObjectNode s = schema();
        assertEquals(ScenarioKeys.SCENARIO.keyNames(), names(s.get("properties")));
        assertFalse(s.get("additionalProperties").asBoolean());
        for (SectionSpec section : List.of(LoadKeys.SECTION, ScenarioKeys.RUN.section(), ScenarioKeys.INPUTS.section())) {
            JsonNode def = s.at("/$defs/" + section.id());
            assertEquals(section.keyNames(), names(def.get("properties")), section.id());
            assertEquals(section.description(), def.get("description").asText());
        }
    }

    /** Per profile, the keys of the other profiles are out and its own required keys in. */
    @Test
    void loadProfilesAcceptOnlyTheirKeys() {
        JsonNode rules = schema().at("/$defs/load/allOf");
        assertEquals(LoadKeys.PROFILES.size(), rules.size());
        JsonNode concurrency = rules.get(1).get("then");
        assertEquals("[\"concurrency\"]", concurrency.get("required").toString());
        assertFalse(concurrency.get("properties").has("concurrency"));
        assertTrue(concurrency.get("properties").get("rate").isBoolean());
    }

    /** A backend's options: each declared one with its type, lower bound and default, and no other. */
    @Test
    void backendOptionsAreTheDeclaredOnes() {
        ObjectNode s = schema();
        JsonNode condition = s.at("/$defs/backend/allOf/0");
        assertEquals("synthetic", condition.at("/if/properties/name/const").asText());
        JsonNode def = s.at(condition.at("/then/properties/options/$ref").asText().substring(1));
        assertFalse(def.get("additionalProperties").asBoolean());
        assertEquals(SYNTHETIC.options().stream().map(OptionSpec::name).toList(), names(def.get("properties")));
        for (OptionSpec spec : SYNTHETIC.options()) {
            JsonNode p = def.at("/properties/" + spec.name());
            assertTrue(p.get("description").asText().endsWith("."), spec.name());
            switch (spec.type()) {
                case INT -> {
                    assertEquals("integer", p.get("type").asText());
                    assertEquals(((Number) spec.defaultValue()).longValue(), p.get("default").asLong());
                    assertEquals(spec.min() > Long.MIN_VALUE, p.has("minimum"), spec.name());
                }
                case NUMBER -> {
                    assertEquals("number", p.get("type").asText());
                    assertEquals((Double) spec.defaultValue(), p.get("default").asDouble());
                    assertEquals(spec.min(), p.get("minimum").asDouble(), spec.name());
                }
                case ENUM -> {
                    assertEquals(spec.allowed().toString().replace(" ", ""),
                            p.at("/anyOf/0/enum").toString().replace("\"", ""));
                    assertEquals(spec.defaultValue(), p.get("default").asText());
                }
                default -> throw new AssertionError("unexpected option type " + spec.type());
            }
        }
    }

    /** Without a matrix a scenario needs a model unless its backend loads none. */
    @Test
    void modellessBackendsNeedNoModel() {
        JsonNode rule = schema().at("/allOf/0/then");
        assertEquals("synthetic", rule.at("/if/properties/backend/properties/name/const").asText());
        assertEquals("[\"model\"]", rule.at("/else/required").toString());
        JsonNode none = new SchemaGenerator(List.of(), List.of()).schema().at("/allOf/0/then");
        assertEquals("[\"backend\",\"model\"]", none.get("required").toString());
    }

    @Test
    void optionDescriptionsBecomeSentences() {
        assertEquals("Threads inside one operator.", OptionSchemas.sentence("threads inside one operator"));
        assertEquals("oneDNN optimisations.", OptionSchemas.sentence("oneDNN optimisations"));
        assertEquals("Bimodal: the second mode.", OptionSchemas.sentence("bimodal: the second mode"));
        assertEquals("Already one.", OptionSchemas.sentence("Already one."));
        assertEquals("djlOnnxruntimeOptions", OptionSchemas.definitionName("djl-onnxruntime"));
    }

    @Test
    void choicesAcceptAnyCase() {
        assertEquals("^([Pp][Ee][Aa][Kk]-[Ss][Ee][Aa][Rr][Cc][Hh]|[Ii][Nn][Tt]8)$",
                SchemaNodes.anyCase(List.of("peak-search", "int8")).get("pattern").asText());
    }
}
