package io.inferbench.adapter.djl;

import io.inferbench.api.OptionSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
 * Keeps the DJL backends' option definitions in {@code scenarios/scenario.schema.json} (what editors
 * check) in step with {@link DjlOptions#specs} (what the harness checks). Plain text matching: this
 * module has no JSON library.
 */
class DjlSchemaTest {
    private static final Path SCHEMA = Path.of("../../scenarios/scenario.schema.json");

    @ParameterizedTest
    @CsvSource({"ONNXRUNTIME, djlOrtOptions", "TENSORFLOW, djlTfOptions", "PYTORCH, djlPtOptions"})
    void schemaListsTheOptionsWithTheirDefaults(DjlEngine engine, String definition) throws Exception {
        String schema = Files.readString(SCHEMA, StandardCharsets.UTF_8);
        int start = schema.indexOf("\"" + definition + "\": {");
        assertTrue(start > 0, "no $defs/" + definition + " in " + SCHEMA);
        String block = schema.substring(start, schema.indexOf("\"additionalProperties\": false", start));
        Matcher m = Pattern.compile("\n {8}\"([a-z-]+)\": \\{").matcher(block);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        List<OptionSpec> specs = DjlOptions.specs(engine);
        assertEquals(specs.stream().map(OptionSpec::name).toList(), names);
        for (OptionSpec spec : specs) {
            String property = block.substring(block.indexOf("\"" + spec.name() + "\": {"));
            property = property.substring(0, property.indexOf("\n        }"));
            String expected = spec.defaultValue() instanceof String s ? "\"" + s + "\"" : String.valueOf(spec.defaultValue());
            assertTrue(property.contains("\"default\": " + expected), spec.name() + " default " + expected + " in\n"
                    + property);
        }
        assertTrue(schema.contains("{ \"const\": \"" + engine.backendName() + "\" }"), engine.backendName());
        assertTrue(schema.contains("\"$ref\": \"#/$defs/" + definition + "\""), "backend refers to " + definition);
    }
}
