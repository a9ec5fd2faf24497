package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.inferbench.scenario.schema.SchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code scenarios/scenario.schema.json} (what editors check) is generated from the key definitions
 * and the shipped backends' and evaluators' options ({@link SchemaGenerator}); this test keeps the
 * committed file equal to what generation writes, and checks that the schema and
 * {@link ScenarioParser} (what the harness checks) agree: the example scenarios validate, and bad
 * snippets are rejected by both.
 *
 * <p>To regenerate the file after changing a key, a default, a description or an option, run from
 * the repository root: {@value #REGENERATE}
 */
class ScenarioSchemaTest {
    static final String REGENERATE = "mvn -B -ntp test -pl harness/cli -am -Dtest=ScenarioSchemaTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dinferbench.schema.write=true";
    private static final Path SCENARIOS = Path.of("../../scenarios");
    private static final Path SCHEMA_FILE = SCENARIOS.resolve("scenario.schema.json");
    private static final String RESOURCE = "io/inferbench/scenario/schema/scenario.schema.json";
    /** Write the generated schema over the committed one instead of comparing them. */
    private static final boolean WRITE = Boolean.getBoolean("inferbench.schema.write");

    /**
     * YAML 1.2 as editors read it: yes/no/on/off are strings (SnakeYAML's YAML 1.1 matches them by text).
     * Jackson reads an empty value ({@code name:}) as "" where editors and SnakeYAML see null, so
     * empty values are left to {@link ScenarioParserTest}.
     */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());

    private static String generated;
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateSchema() throws IOException {
        generated = new SchemaGenerator(ShippedPlugins.backends(), ShippedPlugins.evaluators()).json();
        if (WRITE) {
            Files.writeString(SCHEMA_FILE, generated, StandardCharsets.UTF_8);
        }
        schemaNode = new ObjectMapper().readTree(generated);
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    @BeforeEach
    void modelFile() throws IOException {
        Files.writeString(dir.resolve("m.onnx"), "not really a model");
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        JsonNode node = YAML.readTree(yaml);
        return schema.validate(node == null || node.isMissingNode() ? NullNode.getInstance() : node);
    }

    private static void assertSchemaAccepts(String yaml) throws IOException {
        Set<ValidationMessage> errors = validate(yaml);
        assertTrue(errors.isEmpty(), () -> "schema rejects:\n" + yaml + "\n" + describe(errors));
    }

    private static void assertSchemaRejects(String yaml) throws IOException {
        assertFalse(validate(yaml).isEmpty(), () -> "schema accepts:\n" + yaml);
    }

    private static String describe(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
    }

    private Scenario parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(Path.of("test.yaml"), dir, yaml);
    }

    /** Byte for byte, so that regenerating the file never shows a diff of its own. */
    @Test
    void committedSchemaIsTheGeneratedOne() throws IOException {
        String committed = Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8);
        if (!committed.equals(generated)) {
            fail("scenarios/scenario.schema.json is stale: it differs from what the key definitions "
                    + "(io.inferbench.scenario.keys) and the shipped backends' and evaluators' options generate"
                    + firstDifference(committed, generated)
                    + "\nRegenerate it from the repository root with:\n  " + REGENERATE);
        }
    }

    private static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(end of file)";
            String y = i < b.length ? b[i] : "(end of file)";
            if (!x.equals(y)) {
                return ", first at line " + (i + 1) + ":\n  committed: " + x.strip() + "\n  generated: " + y.strip();
            }
        }
        return "";
    }

    /** The scenario jar packages the committed file (a regeneration is packaged by the next build). */
    @Test
    void schemaFileIsTheOnePackaged() throws IOException {
        assumeFalse(WRITE, "the scenario jar was built before this run rewrote the file");
        try (InputStream in = ScenarioSchemaTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "the scenario jar packages the schema as " + RESOURCE);
            assertEquals(Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(SchemaGenerator.DIALECT, schemaNode.get("$schema").asText());
        assertEquals("https://inferbench.io/schema/scenario-1.json", schemaNode.get("$id").asText());
    }

    @Test
    void schemaIsAValidDraft202012Schema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema meta = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        Set<ValidationMessage> errors = meta.validate(schemaNode);
        assertTrue(errors.isEmpty(), () -> describe(errors));
    }

    /** Every backend and evaluator the schema lists options for, and no other. */
    @Test
    void schemaListsEveryShippedPluginsOptions() {
        List<String> backends = new ArrayList<>();
        schemaNode.at("/$defs/backend/allOf").forEach(c -> backends.add(c.at("/if/properties/name/const").asText()));
        assertEquals(List.of("djl-onnxruntime", "djl-pytorch", "djl-tensorflow", "kserve-v2-grpc", "kserve-v2-http",
                "onnxruntime", "synthetic", "tensorflow", "tfserving-rest"), backends);
        List<String> evaluators = new ArrayList<>();
        schemaNode.at("/$defs/accuracyTask/allOf")
                .forEach(c -> evaluators.add(c.at("/if/properties/evaluator/const").asText()));
        assertEquals(List.of("classification", "embedding-probe", "ocr-ctc", "ocr-orientation"), evaluators);
    }

    @Test
    void exampleScenariosValidate() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no scenarios found in " + SCENARIOS.toAbsolutePath());
        for (Path f : files) {
            Set<ValidationMessage> errors = validate(Files.readString(f, StandardCharsets.UTF_8));
            assertTrue(errors.isEmpty(), () -> f + ":\n" + describe(errors));
        }
    }

    /** Every property shows a description in editors: its own, or that of the definition it refers to. */
    @Test
    void everyPropertyIsDescribed() {
        List<String> missing = new ArrayList<>();
        checkDescriptions(schemaNode, "#", missing);
        assertTrue(missing.isEmpty(), () -> "properties without a description:\n" + String.join("\n", missing));
    }

    private static void checkDescriptions(JsonNode node, String where, List<String> missing) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                props.fields().forEachRemaining(e -> {
                    JsonNode p = e.getValue();
                    if (p.isObject() && !p.has("description") && !(p.has("$ref") && resolve(p.get("$ref").asText())
                            .has("description"))) {
                        missing.add(where + "/properties/" + e.getKey());
                    }
                });
            }
            // Conditions ("if") only test values; what editors describe is in the properties themselves.
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("if")) {
                    checkDescriptions(e.getValue(), where + "/" + e.getKey(), missing);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkDescriptions(node.get(i), where + "/" + i, missing);
            }
        }
    }

    private static JsonNode resolve(String ref) {
        assertTrue(ref.startsWith("#/"), ref);
        return schemaNode.at(ref.substring(1));
    }

    static Stream<Arguments> rejectedByBoth() {
        return Stream.of(
                Arguments.of("unknown top-level key", """
                        backend: { name: synthetic }
                        lod: { profile: single-stream }
                        """),
                Arguments.of("accuracy with neither tasks nor agreement", """
                        backend: { name: synthetic }
                        accuracy: { confidence: 0.9 }
                        """),
                Arguments.of("compare metric p95", """
                        backend: { name: synthetic }
                        compare: { metric: p95 }
                        """),
                Arguments.of("compare margin -3%", """
                        backend: { name: synthetic }
                        compare: { margin: -3% }
                        """),
                Arguments.of("compare margin 200%", """
                        backend: { name: synthetic }
                        compare: { margin: 200% }
                        """),
                Arguments.of("agreement samples 0", """
                        backend: { name: synthetic }
                        accuracy: { agreement: { samples: 0 } }
                        """),
                Arguments.of("unknown load key", """
                        backend: { name: synthetic }
                        load: { profile: concurrency, concurency: 4, concurrency: 2 }
                        """),
                Arguments.of("a backend option above its maximum", """
                        backend: { name: synthetic, options: { failure-rate: 1.5 } }
                        """),
                Arguments.of("an evaluator option at its exclusive maximum", """
                        backend: { name: synthetic }
                        accuracy:
                          tasks: [ { evaluator: embedding-probe, dataset: data.jsonl, options: { test-fraction: 1 } } ]
                        """),
                Arguments.of("concurrency 0", """
                        backend: { name: synthetic }
                        load: { profile: concurrency, concurrency: 0 }
                        """),
                Arguments.of("concurrency above 4096", """
                        backend: { name: synthetic }
                        load: { profile: concurrency, concurrency: 4097 }
                        """),
                Arguments.of("concurrency missing", """
                        backend: { name: synthetic }
                        load: { profile: concurrency }
                        """),
                Arguments.of("concurrency with single-stream", """
                        backend: { name: synthetic }
                        load: { concurrency: 2 }
                        """),
                Arguments.of("bad duration", """
                        backend: { name: synthetic }
                        run: { min-duration: 10 sec }
                        """),
                Arguments.of("negative warmup", """
                        backend: { name: synthetic }
                        run: { warmup: -1 }
                        """),
                Arguments.of("warmup queries and duration", """
                        backend: { name: synthetic }
                        run: { warmup: { queries: 10, duration: 5s } }
                        """),
                Arguments.of("empty warmup mapping", """
                        backend: { name: synthetic }
                        run: { warmup: {} }
                        """),
                Arguments.of("min-queries 0", """
                        backend: { name: synthetic }
                        run: { min-queries: 0 }
                        """),
                Arguments.of("both path and maven", """
                        backend: { name: fake }
                        model: { path: m.onnx, maven: "org.example:model:1.0", entry: model.onnx }
                        """),
                Arguments.of("maven without entry", """
                        backend: { name: fake }
                        model: { maven: "org.example:model:1.0" }
                        """),
                Arguments.of("entry without maven", """
                        backend: { name: fake }
                        model: { entry: model.onnx }
                        """),
                Arguments.of("malformed maven coordinates", """
                        backend: { name: fake }
                        model: { maven: "org.example:model", entry: model.onnx }
                        """),
                Arguments.of("no model location", """
                        backend: { name: fake }
                        model: { name: nothing }
                        """),
                Arguments.of("missing model", """
                        backend: { name: fake }
                        """),
                Arguments.of("missing backend", """
                        model: { path: m.onnx }
                        """),
                Arguments.of("backend without name", """
                        backend: { options: {} }
                        """),
                Arguments.of("bad model format", """
                        backend: { name: fake }
                        model: { path: m.onnx, format: keras }
                        """),
                Arguments.of("bad device", """
                        backend: { name: synthetic }
                        hardware: { device: tpu }
                        """),
                Arguments.of("device-id with cpu", """
                        backend: { name: synthetic }
                        hardware: { device-id: 1 }
                        """),
                Arguments.of("negative device-id", """
                        backend: { name: synthetic }
                        hardware: { device: gpu, device-id: -1 }
                        """),
                Arguments.of("unknown synthetic option", """
                        backend: { name: synthetic, options: { latency: 2 } }
                        """),
                Arguments.of("negative synthetic option", """
                        backend: { name: synthetic, options: { latency-ms: -1 } }
                        """),
                Arguments.of("bad synthetic enum", """
                        backend: { name: synthetic, options: { distribution: gaussian } }
                        """),
                Arguments.of("synthetic seed not an integer", """
                        backend: { name: synthetic, options: { seed: 1.5 } }
                        """),
                Arguments.of("options not a mapping", """
                        backend: { name: synthetic, options: fast }
                        """),
                Arguments.of("batch-size 0", """
                        backend: { name: synthetic }
                        inputs: { batch-size: 0 }
                        """),
                Arguments.of("unknown dtype", """
                        backend: { name: fake }
                        model: { path: m.onnx }
                        inputs: { tensors: { input_ids: { dtype: in64 } } }
                        """),
                Arguments.of("bad shape dimension", """
                        backend: { name: fake }
                        model: { path: m.onnx }
                        inputs: { tensors: { input_ids: { shape: [batch, seq] } } }
                        """),
                Arguments.of("range not a pair", """
                        backend: { name: fake }
                        model: { path: m.onnx }
                        inputs: { tensors: { input_ids: { range: [1] } } }
                        """),
                Arguments.of("text without file", """
                        backend: { name: synthetic }
                        inputs: { text: { tokenizer: { path: m.onnx } } }
                        """),
                Arguments.of("section not a mapping", """
                        backend: { name: synthetic }
                        run: 10s
                        """),
                Arguments.of("top level not a mapping", """
                        - backend
                        """),
                Arguments.of("empty file", ""),
                Arguments.of("matrix axis not a mapping", """
                        backend: { name: synthetic }
                        matrix: { threads: [1, 2] }
                        """),
                Arguments.of("matrix variant not a mapping", """
                        backend: { name: synthetic }
                        matrix: { size: { small: 1 } }
                        """),
                Arguments.of("matrix variant with an unknown key", """
                        backend: { name: synthetic }
                        matrix: { size: { small: { lod: {} } } }
                        """),
                Arguments.of("sweep without values", """
                        backend: { name: synthetic }
                        matrix: { n: { set: load.concurrency } }
                        """),
                Arguments.of("sweep with no values", """
                        backend: { name: synthetic }
                        matrix: { n: { set: load.concurrency, values: [] } }
                        """),
                Arguments.of("sweep with a bad path", """
                        backend: { name: synthetic }
                        matrix: { n: { set: Load..x, values: [1] } }
                        """),
                Arguments.of("sweep with a non-scalar value", """
                        backend: { name: synthetic }
                        matrix: { n: { set: load.concurrency, values: [[1]] } }
                        """),
                Arguments.of("sweep with an extra key", """
                        backend: { name: synthetic }
                        matrix: { n: { set: load.concurrency, values: [1], label: x } }
                        """),
                Arguments.of("gate alpha of 0.5", """
                        backend: { name: synthetic }
                        gate: { alpha: 0.5 }
                        """),
                Arguments.of("gate with too many confirmation reruns", """
                        backend: { name: synthetic }
                        gate: { confirm: 21 }
                        """),
                Arguments.of("gate min-history below 2", """
                        backend: { name: synthetic }
                        gate: { min-history: 1, lookback: 30 }
                        """),
                Arguments.of("gate threshold of an unknown metric", """
                        backend: { name: synthetic }
                        gate: { thresholds: { p90: 5% } }
                        """),
                Arguments.of("gate threshold of 100%", """
                        backend: { name: synthetic }
                        gate: { thresholds: { p99: 100% } }
                        """),
                Arguments.of("gate threshold of 0%", """
                        backend: { name: synthetic }
                        gate: { thresholds: { throughput: 0% } }
                        """),
                Arguments.of("gate common-mode not a flag", """
                        backend: { name: synthetic }
                        gate: { common-mode: sometimes }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedByBoth")
    void rejectedByBoth(String name, String yaml) throws IOException {
        assertSchemaRejects(yaml);
        assertThrows(ScenarioException.class, () -> parse(yaml), "the parser accepts:\n" + yaml);
    }

    /** The parser refuses an option above its maximum for that reason, naming the field and the bound. */
    @Test
    void optionMaximaNameTheFieldAndTheBound() throws IOException {
        Files.writeString(dir.resolve("data.jsonl"), "{\"text\": \"a\", \"label\": \"x\"}\n");
        ScenarioException rate = assertThrows(ScenarioException.class, () -> parse("""
                backend: { name: synthetic, options: { failure-rate: 1.5 } }
                """));
        assertTrue(rate.getMessage().contains("backend.options.failure-rate: expected a number >= 0.0 and <= 1.0,"
                + " got 1.5"), rate.getMessage());
        ScenarioException share = assertThrows(ScenarioException.class, () -> parse("""
                backend: { name: synthetic }
                accuracy:
                  tasks: [ { evaluator: embedding-probe, dataset: data.jsonl, options: { test-fraction: 1 } } ]
                """));
        assertTrue(share.getMessage().contains("options.test-fraction: expected a number >= 0.01 and < 1.0, got 1.0"),
                share.getMessage());
        assertEquals(1, share.problems().size(), share.getMessage());
    }

    static Stream<Arguments> acceptedByBoth() {
        return Stream.of(
                Arguments.of("minimal synthetic", """
                        backend: { name: synthetic }
                        """),
                Arguments.of("every section", """
                        name: all
                        description: every section set
                        model: { name: m, path: m.onnx, format: ONNX }
                        inputs:
                          batch-size: 2
                          sequence-length: 32
                          samples: 4
                          seed: -1
                          tensors:
                            input_ids: { dtype: INT64, shape: [batch, sequence], range: [0, 100.5] }
                            pixels: { shape: [1, "3", 224, 224] }
                        backend: { name: fake, options: { graph-optimization: basic } }
                        hardware: { device: GPU, device-id: 1 }
                        load: { profile: Concurrency, concurrency: 4096 }
                        run: { warmup: { duration: 1.5m }, min-duration: 10, min-queries: 1, max-duration: 2h }
                        """),
                Arguments.of("warmup as query count", """
                        backend: { name: synthetic }
                        run: { warmup: 20 }
                        """),
                Arguments.of("warmup as duration", """
                        backend: { name: synthetic }
                        run: { warmup: 500ms, min-duration: 1s, max-duration: 1s }
                        """),
                Arguments.of("warmup as a number of seconds", """
                        backend: { name: synthetic }
                        run: { warmup: 2.5 }
                        """),
                Arguments.of("warmup queries", """
                        backend: { name: synthetic }
                        run: { warmup: { queries: 0 } }
                        """),
                Arguments.of("cpu with device-id 0", """
                        backend: { name: synthetic }
                        hardware: { device: cpu, device-id: 0 }
                        """),
                Arguments.of("synthetic options", """
                        backend:
                          name: synthetic
                          options: { latency-ms: 2, distribution: UNIFORM, jitter-ms: 0.5, failure-rate: 0.1, seed: -3 }
                        """),
                Arguments.of("matrix of variants and a sweep", """
                        backend: { name: synthetic, options: { latency-ms: 1 } }
                        load: { profile: concurrency, concurrency: 1 }
                        matrix:
                          shape:
                            fixed: {}
                            uniform: { backend: { options: { distribution: uniform, jitter-ms: 0.5 } } }
                          workers:
                            set: load.concurrency
                            values: [1, 2, 4]
                        """),
                Arguments.of("matrix supplying the backend", """
                        matrix:
                          backend:
                            null-sut: { backend: { name: synthetic } }
                        """),
                Arguments.of("gate block", """
                        backend: { name: synthetic }
                        gate:
                          thresholds: { p50: 5%, p99: 7.5, throughput: 0.5%, accuracy: 0, peak-rss: 99.5%, energy-per-inference: 10% }
                          alpha: 0.005
                          lookback: 30
                          min-history: 3
                          confirm: 2
                          common-mode: true
                        """),
                Arguments.of("matrix supplying the model", """
                        backend: { name: fake }
                        matrix:
                          model:
                            local: { model: { path: m.onnx } }
                            remote: { model: { maven: "org.example:m:1.0", entry: m.onnx } }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedByBoth")
    void acceptedByBoth(String name, String yaml) throws IOException, ScenarioException {
        assertSchemaAccepts(yaml);
        assertFalse(parse(yaml).configurations().isEmpty());
    }

    @Test
    void onnxRuntimeOptions() throws IOException {
        String base = "backend: { name: onnxruntime, options: { %s } }\nmodel: { path: m.onnx }\n";
        assertSchemaAccepts(base.formatted("intra-op-threads: 2, inter-op-threads: 0, graph-optimization: ALL, "
                + "execution-mode: parallel, allow-spinning: false, memory-pattern: true, cpu-arena: true"));
        assertSchemaAccepts(base.formatted("graph-optimization: all"));
        assertSchemaAccepts(base.formatted("graph-optimization: NO"));
        assertSchemaAccepts(base.formatted("graph-optimization: Extended"));
        assertSchemaRejects(base.formatted("graph-optimization: al"));
        assertSchemaRejects(base.formatted("graph-optimization: false"));
        assertSchemaRejects(base.formatted("intra-op-threads: -1"));
        assertSchemaRejects(base.formatted("intra-op-threads: two"));
        assertSchemaRejects(base.formatted("intra-op-thread: 2"));
        assertSchemaRejects(base.formatted("allow-spinning: 1"));
        assertSchemaRejects(base.formatted("execution-mode: serial"));
    }

    /** The binder keeps these as Java ints; the schema says so (the parser should too, see ScenarioParserTest). */
    @Test
    void intFieldsFitAnInt() throws IOException {
        // Within an int, and within the bound the binder refuses past (issue 17: absurd counts are refused).
        assertSchemaAccepts("backend: { name: synthetic }\ninputs: { batch-size: 65536 }\n");
        assertSchemaRejects("backend: { name: synthetic }\ninputs: { batch-size: 65537 }\n");
        assertSchemaRejects("backend: { name: synthetic }\ninputs: { batch-size: 3000000000 }\n");
        assertSchemaRejects("backend: { name: synthetic }\nhardware: { device: gpu, device-id: 3000000000 }\n");
    }

    @Test
    void otherBackendsTakeAnyOptions() throws IOException {
        assertSchemaAccepts("backend: { name: djl, options: { xla: true, threads: 4 } }\nmodel: { path: m.pb }\n");
    }

    /** $defs/tfOptions; the TensorFlow adapter's TfSchemaTest checks the names and defaults against its specs. */
    @Test
    void tensorflowOptionsAreChecked() throws IOException {
        String base = "backend: { name: tensorflow, options: { %s } }\nmodel: { path: m.pb }\n";
        assertSchemaAccepts(base.formatted("intra-op-threads: 2, inter-op-threads: 1, xla: true, grappler: off,"
                + " onednn: false, signature: serving_default, allow-soft-placement: false"));
        assertSchemaAccepts(base.formatted("grappler: AGGRESSIVE"));
        assertSchemaRejects(base.formatted("threads: 4"));
        assertSchemaRejects(base.formatted("grappler: max"));
        assertSchemaRejects(base.formatted("intra-op-threads: -1"));
        assertSchemaRejects(base.formatted("xla: 1"));
    }

    @Test
    void durationsInTheSchemaMatchDurationsParse() throws IOException {
        for (String ok : List.of("10s", "500ms", "1.5m", "2h", "10", "2.5", "250ns", "3us", "10 s")) {
            assertTrue(Durations.parse(ok).isPresent(), ok);
            assertSchemaAccepts("backend: { name: synthetic }\nrun: { min-duration: " + ok + " }\n");
        }
        for (String bad : List.of("10 sec", "-1s", "s", "10S", "1.s", "ten")) {
            assertTrue(Durations.parse(bad).isEmpty(), bad);
            assertSchemaRejects("backend: { name: synthetic }\nrun: { min-duration: " + bad + " }\n");
        }
    }
}
