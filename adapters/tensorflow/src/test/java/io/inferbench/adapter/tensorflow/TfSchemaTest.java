package io.inferbench.adapter.tensorflow;

import io.inferbench.api.OptionSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code $defs/tfOptions} of {@code scenarios/scenario.schema.json} (what editors check) in step
 * with {@link TfOptions#SPECS} (what the harness checks). The core's schema test cannot see this
 * adapter, so the check lives here. Plain text matching: this module has no JSON library.
 */
class TfSchemaTest {
    private static final Path SCHEMA = Path.of("../../scenarios/scenario.schema.json");

    @Test
    void schemaListsTheOptionsWithTheirDefaults() throws Exception {
        String schema = Files.readString(SCHEMA, StandardCharsets.UTF_8);
        int start = schema.indexOf("\"tfOptions\": {");
        assertTrue(start > 0, "no $defs/tfOptions in " + SCHEMA);
        int end = schema.indexOf("\"additionalProperties\": false", start);
        String block = schema.substring(start, end);
        // Property names are the keys indented one level below "properties".
        Matcher m = Pattern.compile("\n {8}\"([a-z-]+)\": \\{").matcher(block);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(TfOptions.SPECS.stream().map(OptionSpec::name).toList(), names);
        for (OptionSpec spec : TfOptions.SPECS) {
            String property = block.substring(block.indexOf("\"" + spec.name() + "\": {"));
            property = property.substring(0, property.indexOf("\n        }"));
            String expected = spec.defaultValue() instanceof String s ? "\"" + s + "\"" : String.valueOf(spec.defaultValue());
            assertTrue(property.contains("\"default\": " + expected), spec.name() + " default " + expected + " in\n"
                    + property);
        }
        assertTrue(schema.contains("\"$ref\": \"#/$defs/tfOptions\""), "backend tensorflow refers to tfOptions");
    }
}
