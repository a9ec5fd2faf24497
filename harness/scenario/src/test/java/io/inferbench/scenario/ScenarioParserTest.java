package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.ModelFormat;
import io.inferbench.load.LoadProfile;
import io.inferbench.load.Warmup;
import io.inferbench.scenario.keys.LoadKeys;
import io.inferbench.scenario.keys.ScenarioKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser accepts good scenarios with the documented defaults, expands matrices, and rejects
 * every kind of bad input with the exact line, column and field path, a clear message and, where
 * there is one, a suggestion.
 */
class ScenarioParserTest {
    private static final String FILE = "test.yaml";

    @TempDir
    Path dir;

    private final ScenarioParser parser = TestBackends.parser();

    @BeforeEach
    void modelFiles() throws IOException {
        Files.writeString(dir.resolve("m.onnx"), "not really a model");
        Files.writeString(dir.resolve("m.pt"), "not really a model");
        Files.writeString(dir.resolve("m.bin"), "not really a model");
        Files.writeString(dir.resolve("sentences.txt"), "one sentence\nanother\n");
    }

    private Scenario parse(String yaml) throws ScenarioException {
        return parser.parse(Path.of(FILE), dir, yaml);
    }

    private List<Problem> problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml), "expected the scenario to be rejected")
                .problems();
    }

    private Problem single(String yaml) {
        List<Problem> ps = problems(yaml);
        assertEquals(1, ps.size(), () -> "expected one problem, got:\n" + format(ps));
        return ps.get(0);
    }

    private static String format(List<Problem> ps) {
        return ps.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    /** The problem is at {@code line:column} of {@code path}, and its message contains every part. */
    private static void assertAt(Problem p, int line, int column, String path, String... messageParts) {
        assertAll(p.format(),
                () -> assertEquals(FILE, p.file(), "file"),
                () -> assertEquals(line, p.line(), "line"),
                () -> assertEquals(column, p.column(), "column"),
                () -> assertEquals(path, p.path(), "path"),
                () -> {
                    for (String part : messageParts) {
                        assertTrue(p.message().contains(part), "message should contain <" + part + ">");
                    }
                });
    }

    @Nested
    class HappyPath {
        @Test
        void defaults() throws ScenarioException {
            Scenario s = parse("""
                    name: demo
                    description: a test
                    backend:
                      name: fake
                    model:
                      path: m.onnx
                    """);
            assertEquals("demo", s.name());
            assertEquals("a test", s.description());
            assertEquals(Path.of(FILE), s.file());
            assertEquals(1, s.configurations().size());
            ConfigurationSpec c = s.configurations().get(0);
            assertEquals("c01", c.id());
            assertEquals("demo", c.label(), "without a matrix the label is the scenario name");
            assertEquals(Map.of(), c.axes());

            assertEquals(new ModelSpec("m.onnx", new ModelSource.LocalFile(dir.resolve("m.onnx")), ModelFormat.ONNX),
                    c.model());
            assertEquals(new InputSpec(1, 128, 64, 42, null, Map.of()), c.inputs());
            assertEquals("fake", c.backend().name());
            assertEquals(Map.of("intra-op-threads", 0L, "graph-optimization", "ALL"), c.backend().options(),
                    "option defaults are filled in");
            assertEquals(new HardwareSpec(Device.CPU), c.hardware());
            assertEquals(new LoadProfile.SingleStream(), c.load());
            assertEquals(new RunSpec(new Warmup.Time(Duration.ofSeconds(2)), Duration.ofSeconds(10), 100,
                    Duration.ofMinutes(10)), c.run());
        }

        @Test
        void settingsAreFlatDottedKeys() throws ScenarioException {
            ConfigurationSpec c = parse("""
                    backend:
                      name: fake
                      options:
                        intra-op-threads: 2
                    model:
                      path: m.onnx
                    """).configurations().get(0);
            assertEquals(Map.ofEntries(
                    Map.entry("backend", "fake"),
                    Map.entry("backend.options.graph-optimization", "ALL"),
                    Map.entry("backend.options.intra-op-threads", "2"),
                    Map.entry("model", dir.resolve("m.onnx").toString()),
                    Map.entry("model.format", "onnx"),
                    Map.entry("hardware.device", "cpu"),
                    Map.entry("load", "single-stream"),
                    Map.entry("inputs.batch-size", "1"),
                    Map.entry("inputs.sequence-length", "128"),
                    Map.entry("inputs.source", "random(seed=42)"),
                    Map.entry("run.warmup", "2s"),
                    Map.entry("run.min-duration", "10s"),
                    Map.entry("run.min-queries", "100"),
                    Map.entry("run.max-duration", "600s"),
                    Map.entry("inputs.samples", "64"),
                    Map.entry("inputs.seed", "42")), c.settings());
            assertEquals(new SourceLocation(6, 3), c.location("model"), "where the model mapping starts");
            assertEquals(SourceLocation.UNKNOWN, c.location("no.such.field"));
        }

        @Test
        void nameDefaultsToTheFileName() throws ScenarioException {
            Scenario s = parser.parse(Path.of("scenarios/my-bench.yml"), dir, "backend: { name: synthetic }\n");
            assertEquals("my-bench", s.name());
            assertEquals("", s.description());
            assertEquals("my-bench", s.configurations().get(0).label());
        }

        @Test
        void syntheticNeedsNoModel() throws ScenarioException {
            ConfigurationSpec c = parse("""
                    backend:
                      name: synthetic
                      options:
                        latency-ms: 2
                        distribution: UNIFORM
                    """).configurations().get(0);
            assertEquals(new ModelSpec("none", new ModelSource.None(), ModelFormat.NONE), c.model());
            assertEquals(2.0, c.backend().options().get("latency-ms"), "numbers are doubles even when written 2");
            assertEquals("uniform", c.backend().options().get("distribution"), "enums take their canonical spelling");
            assertEquals(1L, c.backend().options().get("seed"));
            assertEquals(0.0, c.backend().options().get("jitter-ms"));
        }

        @Test
        void everySectionSet() throws ScenarioException {
            ConfigurationSpec c = parse("""
                    model:
                      name: tiny
                      maven: org.example:models:1.0:cpu
                      entry: nested/dir/tiny.onnx
                    inputs:
                      batch-size: 4
                      sequence-length: 16
                      samples: 8
                      seed: -7
                      text:
                        file: sentences.txt
                        tokenizer:
                          path: m.bin
                      tensors:
                        input_ids:
                          dtype: INT64
                          shape: [batch, sequence]
                          range: [0, 30522]
                    backend:
                      name: fake
                      options:
                        graph-optimization: all
                    hardware:
                      device: GPU
                      device-id: 1
                    load:
                      profile: concurrency
                      concurrency: 4
                    run:
                      warmup: { queries: 10 }
                      min-duration: 1.5m
                      min-queries: 1
                      max-duration: 1h
                    """).configurations().get(0);
            assertEquals(new ModelSpec("tiny", new ModelSource.MavenEntry(
                    new MavenCoordinates("org.example", "models", "1.0", "cpu"), "nested/dir/tiny.onnx"),
                    ModelFormat.ONNX), c.model());
            assertEquals(new TensorOverride("input_ids", DType.INT64, List.of("batch", "sequence"), 0.0, 30522.0,
                    15, 5), c.inputs().tensors().get("input_ids"));
            assertEquals(new InputSpec(4, 16, 8, -7, new TextInputSpec(dir.resolve("sentences.txt"),
                    new ModelSource.LocalFile(dir.resolve("m.bin"))), c.inputs().tensors()), c.inputs());
            assertEquals("ALL", c.backend().options().get("graph-optimization"), "enums are case-insensitive");
            assertEquals(new HardwareSpec(Device.gpu(1)), c.hardware());
            assertEquals(new LoadProfile.Concurrency(4), c.load());
            assertEquals(new RunSpec(new Warmup.Queries(10), Duration.ofSeconds(90), 1, Duration.ofHours(1)),
                    c.run());
            assertEquals("text:sentences.txt", c.settings().get("inputs.source"));
            assertEquals("concurrency(4)", c.settings().get("load"));
            assertEquals("gpu:1", c.settings().get("hardware.device"));
            assertEquals(new SourceLocation(13, 7), c.location("inputs.text.tokenizer"));
        }

        @Test
        void yamlBooleanWordsStillMatchEnums() throws ScenarioException {
            // YAML 1.1 reads NO as a boolean; the option is an enum and must still accept it.
            ConfigurationSpec c = parse("""
                    backend: { name: fake, options: { graph-optimization: NO } }
                    model: { path: m.onnx }
                    """).configurations().get(0);
            assertEquals("NO", c.backend().options().get("graph-optimization"));
        }

        @Test
        void warmupForms() throws ScenarioException {
            assertEquals(new Warmup.Queries(20), warmup("20"));
            assertEquals(new Warmup.Time(Duration.ofSeconds(5)), warmup("5s"));
            assertEquals(new Warmup.Time(Duration.ofMillis(2500)), warmup("2.5"));
            assertEquals(new Warmup.Queries(0), warmup("{ queries: 0 }"));
            assertEquals(new Warmup.Time(Duration.ofMillis(500)), warmup("{ duration: 500ms }"));
        }

        private Warmup warmup(String value) throws ScenarioException {
            return parse("backend: { name: synthetic }\nrun: { warmup: " + value + " }\n")
                    .configurations().get(0).run().warmup();
        }

        @Test
        void deviceIdZeroIsFineOnTheCpu() throws ScenarioException {
            assertEquals(new HardwareSpec(Device.CPU), parse("""
                    backend: { name: synthetic }
                    hardware: { device: cpu, device-id: 0 }
                    """).configurations().get(0).hardware());
        }

        @Test
        void sourceTextIsKeptVerbatim() throws ScenarioException {
            String text = "# a comment\nbackend: { name: synthetic }   # trailing\n";
            assertEquals(text, parse(text).source());
        }
    }

    @Nested
    class Matrix {
        @Test
        void variantsTimesSweepInOrderWithDeepMerge() throws ScenarioException {
            Scenario s = parse("""
                    name: m
                    backend:
                      name: fake
                      options:
                        graph-optimization: BASIC
                    model:
                      path: m.onnx
                    matrix:
                      a:
                        x: {}
                        y:
                          backend:
                            options:
                              intra-op-threads: 3
                      b:
                        set: inputs.batch-size
                        values: [1, 2]
                    """);
            List<ConfigurationSpec> cs = s.configurations();
            assertEquals(List.of("c01", "c02", "c03", "c04"), cs.stream().map(ConfigurationSpec::id).toList());
            assertEquals(List.of("a=x b=1", "a=x b=2", "a=y b=1", "a=y b=2"),
                    cs.stream().map(ConfigurationSpec::label).toList());
            assertEquals(List.of("a", "b"), List.copyOf(cs.get(2).axes().keySet()));
            assertEquals(Map.of("a", "y", "b", "1"), cs.get(2).axes());
            assertEquals(List.of(1, 2, 1, 2), cs.stream().map(c -> c.inputs().batchSize()).toList());
            // x keeps the base; y overrides one nested key and keeps its sibling and the backend name.
            assertEquals(Map.of("intra-op-threads", 0L, "graph-optimization", "BASIC"), cs.get(0).backend().options());
            assertEquals(Map.of("intra-op-threads", 3L, "graph-optimization", "BASIC"), cs.get(3).backend().options());
            assertEquals("fake", cs.get(3).backend().name());
        }

        @Test
        void idsArePaddedToTheCount() throws ScenarioException {
            Scenario s = parse("""
                    backend: { name: synthetic }
                    matrix:
                      n:
                        set: load.concurrency
                        values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
                      p:
                        set: load.profile
                        values: [concurrency]
                    """);
            assertEquals(12, s.configurations().size());
            assertEquals("c01", s.configurations().get(0).id());
            assertEquals("c12", s.configurations().get(11).id());
            assertEquals(new LoadProfile.Concurrency(12), s.configurations().get(11).load());
        }

        @Test
        void variantReplacesModelSource() throws ScenarioException {
            List<ConfigurationSpec> cs = parse("""
                    backend: { name: fake }
                    matrix:
                      precision:
                        fp32: { model: { path: m.onnx } }
                        int8:
                          model:
                            name: int8
                            maven: org.example:m-q:1.0
                            entry: m-q.onnx
                    """).configurations();
            assertInstanceOf(ModelSource.LocalFile.class, cs.get(0).model().source());
            assertEquals("int8", cs.get(1).model().name());
            assertEquals("maven:org.example:m-q:1.0!m-q.onnx", cs.get(1).settings().get("model"));
        }

        @Test
        void sweepOverAnUnknownOptionPointsAtEachValue() {
            List<Problem> ps = problems("""
                    backend:
                      name: fake
                    model:
                      path: m.onnx
                    matrix:
                      t:
                        set: backend.options.intra-op-thread
                        values: [1, 2]
                    """);
            assertEquals(2, ps.size(), () -> format(ps));
            assertAt(ps.get(0), 8, 14, "backend.options.intra-op-thread",
                    "unknown key 'intra-op-thread'", "Did you mean 'intra-op-threads'?");
            assertAt(ps.get(1), 8, 17, "backend.options.intra-op-thread", "Did you mean 'intra-op-threads'?");
        }

        @Test
        void sweepValueOfTheWrongTypePointsAtTheValue() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      n:
                        set: load.concurrency
                        values: [2, many]
                    load: { profile: concurrency }
                    """), 5, 17, "load.concurrency", "expected an integer >= 1, got 'many'");
        }

        @Test
        void axisNotAMapping() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      threads: [1, 2]
                    """), 3, 12, "matrix.threads", "expected labelled variants", "got a list");
        }

        @Test
        void matrixNotAMapping() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix: [a, b]
                    """), 2, 9, "matrix", "expected a mapping of axis name to values, got a list");
        }

        @Test
        void variantNotAMapping() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      size:
                        small: 1
                        large: { inputs: { batch-size: 8 } }
                    """), 4, 12, "matrix.size.small", "expected a mapping of fields to override, got '1'");
        }

        @Test
        void emptyAxis() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      n:
                        set: load.concurrency
                        values: []
                    """), 4, 5, "matrix.n", "an axis needs at least one value");
        }

        @Test
        void sweepWithoutValues() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      n:
                        set: load.concurrency
                    """), 4, 5, "matrix.n", "missing required key 'values'");
        }

        @Test
        void sweepWithABadPath() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      n:
                        set: Load..concurrency
                        values: [1]
                    """), 4, 10, "matrix.n.set", "expected a dotted field path", "got 'Load..concurrency'");
        }

        @Test
        void variantWithAnUnknownKey() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      l:
                        a:
                          lod: { profile: single-stream }
                    """), 5, 7, "lod", "unknown key 'lod'", "Did you mean 'load'?");
        }
    }

    @Nested
    class BadInput {
        @Test
        void yamlSyntaxError() {
            Problem p = single("""
                    backend:
                      name: fake
                    model: [m.onnx
                    load: {}
                    """);
            assertEquals(FILE, p.file());
            assertEquals("", p.path());
            assertTrue(p.message().startsWith("invalid YAML: "), p.message());
            assertEquals(4, p.line(), p.format());
        }

        @Test
        void badChildJvmSettings() {
            assertAt(single("""
                    backend: { name: synthetic }
                    run:
                      jvm: { heap: lots }
                    """), 3, 16, "run.jvm.heap", "expected a heap size as -Xmx takes it, e.g. 2g or 512m, got 'lots'");
            assertAt(single("""
                    backend: { name: synthetic }
                    run:
                      jvm:
                        args: [-XX:+UseParallelGC, -cp]
                    """), 4, 32, "run.jvm.args[1]", "'-cp' is the harness's to set");
            assertAt(single("""
                    backend: { name: synthetic }
                    run:
                      jvm: { args: [-Xmx1g] }
                    """), 3, 17, "run.jvm.args[0]", "use run.jvm.heap");
            assertAt(single("""
                    backend: { name: synthetic }
                    run:
                      jvm:
                        environment: { "BAD-NAME": x }
                    """), 4, 32, "run.jvm.environment.BAD-NAME", "expected a variable name");
        }

        @Test
        void yamlIndentationError() {
            Problem p = single("""
                    backend:
                      name: fake
                        options: {}
                    """);
            assertAt(p, 3, 12, "", "invalid YAML: mapping values are not allowed here");
        }

        @Test
        void emptyFile() {
            assertAt(single(""), 1, 1, "", "the file is empty");
            assertAt(single("# only a comment\n"), 1, 1, "", "the file is empty");
        }

        @Test
        void topLevelNotAMapping() {
            assertAt(single("- backend\n"), 1, 1, "", "expected a mapping (key: value lines), got a list");
        }

        @Test
        void unknownTopLevelKey() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    lod:
                      profile: single-stream
                    """), 3, 1, "lod", "unknown key 'lod'.", "Did you mean 'load'?",
                    "Expected one of: name, description, model, inputs, backend, hardware, load, optimization, run, recommend, accuracy, compare, gate, baseline, matrix");
        }

        @Test
        void unknownKeyWithoutSuggestion() {
            Problem p = single("""
                    backend: { name: synthetic }
                    telemetry: on
                    """);
            assertAt(p, 2, 1, "telemetry", "unknown key 'telemetry'.");
            assertTrue(!p.message().contains("Did you mean"), p.message());
        }

        @Test
        void misspeltNestedKey() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    load:
                      concurency: 4
                    """), 4, 3, "load.concurency", "unknown key 'concurency'.", "Did you mean 'concurrency'?",
                    "Expected one of: profile, concurrency");
        }

        @Test
        void missingBackend() {
            assertAt(single("model: { path: m.onnx }\n"), 1, 1, "", "missing required section 'backend'",
                    "synthetic", "fake");
        }

        @Test
        void missingBackendName() {
            assertAt(single("backend: { options: {} }\n"), 1, 10, "backend", "missing required key 'name'");
        }

        @Test
        void missingModel() {
            assertAt(single("backend: { name: fake }\n"), 1, 1, "", "missing required section 'model'");
        }

        @Test
        void unknownBackendName() {
            assertAt(single("""
                    backend:
                      name: synthetc
                    """), 2, 9, "backend.name", "unknown backend 'synthetc'.", "Did you mean 'synthetic'?",
                    "Installed backends: ", "fake", "synthetic");
        }

        @Test
        void unknownBackendOption() {
            assertAt(single("""
                    backend:
                      name: fake
                      options:
                        intra-op-thread: 2
                    model:
                      path: m.onnx
                    """), 4, 5, "backend.options.intra-op-thread", "unknown key 'intra-op-thread'.",
                    "Did you mean 'intra-op-threads'?", "Expected one of: intra-op-threads, graph-optimization");
        }

        @Test
        void optionsNotAMapping() {
            assertAt(single("""
                    backend:
                      name: fake
                      options: fast
                    model:
                      path: m.onnx
                    """), 3, 12, "backend.options", "expected a mapping (key: value lines), got 'fast'");
        }

        @Test
        void wrongOptionType() {
            assertAt(single("""
                    backend:
                      name: fake
                      options:
                        intra-op-threads: two
                    model:
                      path: m.onnx
                    """), 4, 23, "backend.options.intra-op-threads", "expected an integer >= 0, got 'two'");
        }

        @Test
        void negativeThreadCount() {
            assertAt(single("""
                    backend:
                      name: fake
                      options:
                        intra-op-threads: -1
                    model:
                      path: m.onnx
                    """), 4, 23, "backend.options.intra-op-threads", "expected an integer >= 0, got '-1'");
        }

        @Test
        void quotedNumberIsNotAnInteger() {
            assertAt(single("""
                    backend: { name: fake, options: { intra-op-threads: "2" } }
                    model: { path: m.onnx }
                    """), 1, 53, "backend.options.intra-op-threads", "expected an integer >= 0, got '2'");
        }

        @Test
        void wrongNumberAndBooleanOptionTypes() {
            assertAt(single("""
                    backend:
                      name: synthetic
                      options:
                        latency-ms: -0.5
                    """), 4, 17, "backend.options.latency-ms", "expected a number >= 0.0, got '-0.5'");
        }

        @Test
        void concurrencyZero() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    load:
                      profile: concurrency
                      concurrency: 0
                    """), 5, 16, "load.concurrency", "expected an integer >= 1, got '0'");
        }

        @Test
        void concurrencyTooLarge() {
            assertAt(single("""
                    backend: { name: synthetic }
                    load:
                      profile: concurrency
                      concurrency: 5000
                    """), 4, 16, "load.concurrency", "expected an integer between 1 and 4096, got 5000");
        }

        @Test
        void concurrencyMissing() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    load:
                      profile: concurrency
                    """), 4, 3, "load", "profile: concurrency needs concurrency: N");
        }

        @Test
        void concurrencyWithSingleStream() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    load:
                      profile: single-stream
                      concurrency: 4
                    """), 5, 16, "load.concurrency", "concurrency applies to profile: concurrency, not single-stream");
        }

        @Test
        void concurrencyWithTheDefaultProfile() {
            assertAt(single("""
                    backend: { name: synthetic }
                    load: { concurrency: 4 }
                    """), 2, 22, "load.concurrency", "concurrency applies to profile: concurrency");
        }

        @Test
        void unknownProfile() {
            assertAt(single("""
                    backend: { name: synthetic }
                    load: { profile: singlestream }
                    """), 2, 18, "load.profile", "expected one of single-stream, concurrency, multi-stream, offline, rate, peak-search, got 'singlestream'.",
                    "Did you mean 'single-stream'?");
        }

        @Test
        void badEnumValue() {
            assertAt(single("""
                    backend:
                      name: fake
                      options:
                        graph-optimization: al
                    model:
                      path: m.onnx
                    """), 4, 25, "backend.options.graph-optimization",
                    "expected one of NO, BASIC, EXTENDED, ALL, got 'al'.", "Did you mean 'ALL'?");
        }

        @Test
        void missingModelFile() {
            Path missing = dir.resolve("missing.onnx");
            assertAt(single("""
                    backend:
                      name: fake
                    model:
                      path: missing.onnx
                    """), 4, 9, "model.path", "model file not found: " + missing);
        }

        @Test
        void missingTextFile() {
            assertAt(single("""
                    backend: { name: synthetic }
                    inputs:
                      text:
                        file: nope.txt
                    """), 4, 11, "inputs.text.file", "text file not found: " + dir.resolve("nope.txt"));
        }

        @Test
        void missingTokenizerFile() {
            assertAt(single("""
                    backend: { name: synthetic }
                    inputs:
                      text:
                        file: sentences.txt
                        tokenizer: { path: tok.json }
                    """), 5, 24, "inputs.text.tokenizer.path", "tokenizer file not found: " + dir.resolve("tok.json"));
        }

        @Test
        void malformedMavenCoordinates() {
            assertAt(single("""
                    backend:
                      name: fake
                    model:
                      maven: org.example:model
                      entry: model.onnx
                    """), 4, 10, "model.maven",
                    "expected Maven coordinates group:artifact:version, got 'org.example:model'");
        }

        @Test
        void mavenWithoutEntry() {
            assertAt(single("""
                    backend: { name: fake }
                    model:
                      maven: org.example:model:1.0
                    """), 3, 3, "model", "missing required key 'entry'");
        }

        @Test
        void bothPathAndMaven() {
            assertAt(single("""
                    backend:
                      name: fake
                    model:
                      path: m.onnx
                      maven: org.example:model:1.0
                      entry: model.onnx
                    """), 4, 3, "model", "give either path: or maven: with entry:, not both");
        }

        @Test
        void neitherPathNorMaven() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { name: nothing }
                    """), 2, 8, "model", "missing the model location");
        }

        @Test
        void unknownModelFormat() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.bin }
                    """), 2, 8, "model", "cannot tell the model format from 'm.bin'");
        }

        @Test
        void formatTheBackendCannotLoad() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.pt }
                    """), 2, 8, "model", "backend 'fake' cannot load torchscript models; it loads [onnx]");
        }

        @Test
        void maxDurationShorterThanMinDuration() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    run:
                      min-duration: 10s
                      max-duration: 5s
                    """), 5, 17, "run.max-duration",
                    "max-duration (5s) must not be shorter than min-duration (10s)");
        }

        @Test
        void badDuration() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    run:
                      min-duration: 10 sec
                    """), 4, 17, "run.min-duration", "expected a duration such as 10s, 500ms or 2m, got '10 sec'");
        }

        @Test
        void badWarmupScalar() {
            assertAt(single("""
                    backend: { name: synthetic }
                    run: { warmup: -1 }
                    """), 2, 16, "run.warmup", "expected a duration such as 10s, 500ms or 2m, got '-1'");
        }

        @Test
        void warmupBothQueriesAndDuration() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    run:
                      warmup:
                        queries: 10
                        duration: 5s
                    """), 5, 5, "run.warmup", "give exactly one of queries: N or duration: 5s");
        }

        @Test
        void warmupUnknownKey() {
            List<Problem> ps = problems("""
                    backend: { name: synthetic }
                    run:
                      warmup: { querys: 10 }
                    """);
            // Only the typo: no follow-on "give exactly one of" for the key the typo was meant to be.
            assertEquals(1, ps.size(), () -> format(ps));
            assertAt(ps.get(0), 3, 13, "run.warmup.querys", "unknown key 'querys'.", "Did you mean 'queries'?");
        }

        @Test
        void badDevice() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    hardware:
                      device: tpu
                    """), 4, 11, "hardware.device", "expected one of cpu, gpu, got 'tpu'.");
        }

        @Test
        void deviceIdWithCpu() {
            assertAt(single("""
                    backend:
                      name: synthetic
                    hardware:
                      device: cpu
                      device-id: 1
                    """), 5, 14, "hardware.device-id", "device-id applies to gpu only");
        }

        @Test
        void duplicateKey() {
            assertAt(single("""
                    backend:
                      name: synthetic
                      name: fake
                    """), 3, 3, "backend.name", "duplicate key 'name'");
        }

        @Test
        void duplicateTopLevelKey() {
            assertAt(single("""
                    backend: { name: synthetic }
                    load: { profile: single-stream }
                    load: { profile: concurrency }
                    """), 3, 1, "load", "duplicate key 'load'");
        }

        @Test
        void duplicateTensorName() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.onnx }
                    inputs:
                      tensors:
                        input_ids: { dtype: int64 }
                        input_ids: { dtype: int32 }
                    """), 6, 5, "inputs.tensors.input_ids", "duplicate key 'input_ids'");
        }

        @Test
        void duplicateMatrixVariantLabel() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      p:
                        fp32: {}
                        fp32: { inputs: { batch-size: 2 } }
                    """), 5, 5, "matrix.p.fp32", "duplicate key 'fp32'");
        }

        @Test
        void duplicateMatrixAxis() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      n: { set: inputs.batch-size, values: [1, 2] }
                      n: { set: inputs.samples, values: [1, 2] }
                    """), 4, 3, "matrix.n", "duplicate key 'n'");
        }

        @Test
        void nonScalarMatrixKey() {
            assertAt(single("""
                    backend: { name: synthetic }
                    matrix:
                      ? [a, b]
                      : { x: {} }
                    """), 3, 5, "matrix", "keys must be plain names");
        }

        @Test
        void nonScalarTensorName() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.onnx }
                    inputs:
                      tensors:
                        ? [a, b]
                        : { dtype: int64 }
                    """), 5, 7, "inputs.tensors", "keys must be plain names");
        }

        @Test
        void integerTooLargeForItsField() {
            assertAt(single("""
                    backend: { name: synthetic }
                    inputs: { batch-size: 3000000000 }
                    """), 2, 23, "inputs.batch-size", "3000000000");
        }

        @Test
        void warmupQueryCountTooLarge() {
            assertAt(single("""
                    backend: { name: synthetic }
                    run: { warmup: 99999999999999999999 }
                    """), 2, 16, "run.warmup", "99999999999999999999");
        }

        @Test
        void unknownDtype() {
            assertAt(single("""
                    backend:
                      name: fake
                    model:
                      path: m.onnx
                    inputs:
                      tensors:
                        input_ids:
                          dtype: in64
                    """), 8, 14, "inputs.tensors.input_ids.dtype", "unknown dtype 'in64'.", "Did you mean 'int64'?",
                    "Expected one of: float32, float16, bfloat16, float64, int8, uint8, int16, int32, int64, bool");
        }

        @Test
        void unknownTensorKey() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.onnx }
                    inputs:
                      tensors:
                        input_ids: { shpe: [1, 2] }
                    """), 5, 18, "inputs.tensors.input_ids.shpe", "Did you mean 'shape'?",
                    "Expected one of: dtype, shape, range");
        }

        @Test
        void tensorsNotAMapping() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.onnx }
                    inputs:
                      tensors: [input_ids]
                    """), 4, 12, "inputs.tensors", "expected a mapping of input name to { dtype, shape, range }");
        }

        @Test
        void badShapeDimension() {
            assertAt(single("""
                    backend:
                      name: fake
                    model:
                      path: m.onnx
                    inputs:
                      tensors:
                        input_ids:
                          shape: [batch, seq]
                    """), 8, 14, "inputs.tensors.input_ids.shape",
                    "each dimension must be a number, batch or sequence, got 'seq'");
        }

        @Test
        void rangeHighNotAboveLow() {
            assertAt(single("""
                    backend:
                      name: fake
                    model:
                      path: m.onnx
                    inputs:
                      tensors:
                        input_ids:
                          range: [5, 5]
                    """), 8, 14, "inputs.tensors.input_ids.range", "high must be greater than low");
        }

        @Test
        void rangeNotAPair() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.onnx }
                    inputs:
                      tensors:
                        x: { range: [1, 2, 3] }
                    """), 5, 17, "inputs.tensors.x.range", "expected [low, high]");
        }

        @Test
        void rangeNotANumber() {
            assertAt(single("""
                    backend: { name: fake }
                    model: { path: m.onnx }
                    inputs:
                      tensors:
                        x: { range: [0, big] }
                    """), 5, 21, "inputs.tensors.x.range", "expected a number", "got 'big'");
        }

        @Test
        void inputIntegersHaveMinimums() {
            List<Problem> ps = problems("""
                    backend: { name: synthetic }
                    inputs:
                      batch-size: 0
                      sequence-length: -3
                      samples: many
                    """);
            assertEquals(3, ps.size(), () -> format(ps));
            assertAt(ps.get(0), 3, 15, "inputs.batch-size", "expected an integer >= 1, got '0'");
            assertAt(ps.get(1), 4, 20, "inputs.sequence-length", "expected an integer >= 1, got '-3'");
            assertAt(ps.get(2), 5, 12, "inputs.samples", "expected an integer >= 1, got 'many'");
        }

        @Test
        void sectionNotAMapping() {
            assertAt(single("""
                    backend: { name: synthetic }
                    run: 10s
                    """), 2, 6, "run", "expected a mapping (key: value lines), got '10s'");
        }

        @Test
        void emptyName() {
            assertAt(single("""
                    name:
                    backend: { name: synthetic }
                    """), 1, 6, "name", "expected a string, got an empty value");
        }

        @Test
        void severalProblemsAreAllReportedInLineOrder() {
            List<Problem> ps = problems("""
                    backend:
                      name: fake
                      options:
                        intra-op-threads: -1
                        graph-optimization: al
                    model:
                      path: missing.onnx
                    inputs:
                      batch-size: 0
                    hardware:
                      device: tpu
                    load:
                      profile: concurrency
                      concurrency: 0
                    run:
                      min-duration: 10 sec
                    """);
            assertEquals(7, ps.size(), () -> format(ps));
            assertEquals(List.of(4, 5, 7, 9, 11, 14, 16), ps.stream().map(Problem::line).toList());
            assertEquals(List.of("backend.options.intra-op-threads", "backend.options.graph-optimization",
                    "model.path", "inputs.batch-size", "hardware.device", "load.concurrency", "run.min-duration"),
                    ps.stream().map(Problem::path).toList());
        }

        @Test
        void theSameProblemInEveryConfigurationIsReportedOnce() {
            List<Problem> ps = problems("""
                    backend: { name: synthetic }
                    hardware: { device: tpu }
                    matrix:
                      n:
                        set: inputs.batch-size
                        values: [1, 2, 3]
                    """);
            assertEquals(1, ps.size(), () -> format(ps));
            assertAt(ps.get(0), 2, 21, "hardware.device", "got 'tpu'");
        }

        @Test
        void exceptionMessageListsEveryProblem() {
            ScenarioException e = assertThrows(ScenarioException.class, () -> parse("""
                    backend: { name: synthetic }
                    load: { profile: concurrency, concurrency: 0 }
                    hardware: { device: tpu }
                    """));
            assertEquals("""
                    test.yaml:2:44: load.concurrency: expected an integer >= 1, got '0'
                    test.yaml:3:21: hardware.device: expected one of cpu, gpu, got 'tpu'. Did you mean 'cpu'?""",
                    e.getMessage());
        }
    }

    @Test
    void missingScenarioFile() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parser.parse(dir.resolve("nope.yaml")));
        assertAt0(e.problems().get(0), dir.resolve("nope.yaml").toString(), "scenario file not found");
    }

    @Test
    void parseFromDiskResolvesAgainstTheFilesFolder() throws IOException, ScenarioException {
        Path file = Files.writeString(dir.resolve("s.yaml"), "backend: { name: fake }\nmodel: { path: m.onnx }\n");
        Scenario s = parser.parse(file);
        assertEquals(new ModelSource.LocalFile(dir.resolve("m.onnx").toAbsolutePath()),
                s.configurations().get(0).model().source());
        assertEquals("s", s.name());
    }

    private static void assertAt0(Problem p, String file, String message) {
        assertEquals(file, p.file());
        assertEquals(0, p.line());
        assertTrue(p.message().contains(message), p.message());
    }

    @Nested
    class Formatting {
        @Test
        void problemFormat() {
            assertEquals("quickstart.yaml:12:5: load.concurrency: expected an integer >= 1, got '0'",
                    new Problem("quickstart.yaml", 12, 5, "load.concurrency", "expected an integer >= 1, got '0'")
                            .format());
            assertEquals("a.yaml: scenario file not found", new Problem("a.yaml", 0, 0, "", "scenario file not found")
                    .format());
            assertEquals("a.yaml:1:1: the file is empty", new Problem("a.yaml", 1, 1, null, "the file is empty")
                    .format());
        }

        @Test
        void durations() {
            assertEquals(Duration.ofMillis(500), Durations.parse("500ms").orElseThrow());
            assertEquals(Duration.ofSeconds(10), Durations.parse("10s").orElseThrow());
            assertEquals(Duration.ofSeconds(90), Durations.parse("1.5m").orElseThrow());
            assertEquals(Duration.ofHours(2), Durations.parse("2h").orElseThrow());
            assertEquals(Duration.ofSeconds(10), Durations.parse("10").orElseThrow(), "a bare number is seconds");
            assertEquals(Duration.ofMillis(2500), Durations.parse("2.5").orElseThrow());
            assertEquals(Duration.ofNanos(250), Durations.parse("250ns").orElseThrow());
            assertEquals(Duration.ofNanos(3000), Durations.parse("3us").orElseThrow());
            assertEquals(Duration.ofSeconds(10), Durations.parse(" 10 s ").orElseThrow());
            for (String bad : List.of("garbage", "10 sec", "", "-1s", "1e3", "s", "10S", "1.s")) {
                assertTrue(Durations.parse(bad).isEmpty(), bad);
            }
        }

        @Test
        void durationFormat() {
            assertEquals("10s", Durations.format(Duration.ofSeconds(10)));
            assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
            assertEquals("0s", Durations.format(Duration.ZERO));
        }

        @Test
        void suggestions() {
            assertEquals("load", Suggestions.nearest("lod", ScenarioKeys.SCENARIO.keyNames()).orElseThrow());
            assertEquals("concurrency", Suggestions.nearest("concurency", LoadKeys.SECTION.keyNames()).orElseThrow());
            assertEquals("ALL", Suggestions.nearest("al", List.of("NO", "BASIC", "EXTENDED", "ALL")).orElseThrow());
            assertEquals("load", Suggestions.nearest("LOAD", List.of("load")).orElseThrow(), "case-insensitive");
            assertEquals("model", Suggestions.nearest("mdoel", ScenarioKeys.SCENARIO.keyNames()).orElseThrow(),
                    "a transposition is one edit");
            assertTrue(Suggestions.nearest("telemetry", ScenarioKeys.SCENARIO.keyNames()).isEmpty());
            assertTrue(Suggestions.nearest("x", List.of()).isEmpty());
            assertEquals(" Did you mean 'load'?", Suggestions.didYouMean("lod", ScenarioKeys.SCENARIO.keyNames()));
            assertEquals("", Suggestions.didYouMean("zzzz", ScenarioKeys.SCENARIO.keyNames()));
            assertEquals(1, Suggestions.distance("ab", "ba"));
            assertEquals(3, Suggestions.distance("kitten", "sitting"));
            assertEquals(0, Suggestions.distance("", ""));
        }

        @Test
        void mavenCoordinates() {
            assertEquals(new MavenCoordinates("g", "a", "1.0", null), MavenCoordinates.parse("g:a:1.0").orElseThrow());
            assertEquals("a-1.0-cpu.jar", MavenCoordinates.parse("g:a:1.0:cpu").orElseThrow().fileName());
            assertEquals("g:a:1.0:cpu", MavenCoordinates.parse(" g:a:1.0:cpu ").orElseThrow().toString());
            for (String bad : List.of("g:a", "g:a:1:c:x", "g::1", "g:a b:1", "")) {
                assertTrue(MavenCoordinates.parse(bad).isEmpty(), bad);
            }
        }

        @Test
        void formatFromFileName() {
            assertEquals(ModelFormat.ONNX, ModelBinder.formatOf("M.ONNX"));
            assertEquals(ModelFormat.GRAPH_DEF, ModelBinder.formatOf("frozen.pb"));
            assertEquals(ModelFormat.TORCHSCRIPT, ModelBinder.formatOf("m.pth"));
            assertEquals(ModelFormat.SAVED_MODEL, ModelBinder.formatOf("saved_model_dir"));
            assertNull(ModelBinder.formatOf("m.bin"));
        }
    }
}
