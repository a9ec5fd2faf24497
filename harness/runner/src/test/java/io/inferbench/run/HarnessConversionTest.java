package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.model.ModelResolver;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ConversionInfo;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness converts a model its backend does not load ({@link CachedConversions}): ONNX to a
 * SavedModel for a backend that loads SavedModels only, in a child JVM, cached by content hash,
 * converter and version; a model that cannot be converted costs its configuration only.
 */
class HarnessConversionTest {
    private static final String SCENARIO = """
            name: conversions
            backend: { name: saved-only }
            run: { warmup: 5, min-duration: 200ms, min-queries: 20 }
            matrix:
              system:
                good: { model: { path: good.onnx } }
                good-in-process: { model: { path: good.onnx }, run: { forks: 0 } }
                unsupported: { model: { path: unsupported.onnx } }
                broken: { model: { path: broken.onnx } }
                synthetic: { backend: { name: synthetic } }
            """;

    @TempDir
    Path dir;

    private Scenario scenario(Backends b) throws Exception {
        Files.writeString(dir.resolve("good.onnx"), "an onnx model");
        Files.writeString(dir.resolve("unsupported.onnx"), "UNSUPPORTED operators");
        Files.writeString(dir.resolve("broken.onnx"), "BROKEN bytes");
        Path file = dir.resolve("conversions.yaml");
        Files.writeString(file, SCENARIO);
        return new ScenarioParser(b.byName()).withConversions((p, f) -> b.converterFor(p.name(), f).isPresent())
                .parse(file);
    }

    private List<PreparedConfiguration> prepare(Backends b, Scenario s, Path cache, List<String> progress)
            throws Exception {
        return new Preflight(b.byName(), ModelResolver.defaults(), BackendProbe.inProcess(b.byName()))
                .withConversions(new CachedConversions(b, new ChildProbe(b), cache, progress::add)).check(s);
    }

    @Test
    void withoutAConverterTheFormatIsBadInput() throws Exception {
        Backends b = Backends.discover();
        scenario(b);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioParser(b.byName()).parse(dir.resolve("conversions.yaml")));
        assertTrue(e.getMessage().contains("backend 'saved-only' cannot load onnx models"), e.getMessage());
    }

    @Test
    void convertsOnceInAChildJvmCachesAndRecordsIt() throws Exception {
        Backends b = Backends.discover();
        Scenario s = scenario(b);
        Path cache = dir.resolve("cache");
        List<String> progress = new ArrayList<>();
        List<PreparedConfiguration> prepared = prepare(b, s, cache, progress);
        assertEquals(3, progress.size(), "good.onnx once for both configurations, then the two others: " + progress);
        assertTrue(progress.get(0).startsWith("conversion: converting good.onnx (onnx to saved_model) with "
                + TestOnnxToSavedModel.NAME + " v1 for backend 'saved-only' in a child JVM"), progress.get(0));

        RunResult r = new BenchmarkRunner(b.byName(), dir, ForkRuns.INTERVAL).run(s, prepared, dir.resolve("run"),
                RunListener.NONE);
        for (String label : List.of("system=good", "system=good-in-process")) {
            ConfigurationResult c = ForkRuns.byLabel(r, label);
            assertEquals(ConfigurationStatus.OK, c.status(), label + ": " + c.outcome().reason());
            String loaded = c.session().properties().get("loaded");
            assertTrue(loaded.startsWith(cache.resolve(CachedConversions.CACHE_FOLDER).resolve(
                    TestOnnxToSavedModel.NAME + "-1").toString() + "/") && loaded.endsWith("/model"), loaded);
            assertNotEquals(Long.toString(ProcessHandle.current().pid()), c.session().properties().get(
                    "converted-by-pid"), "converted in a child JVM, not in the harness's");
            assertEquals("saved_model", c.setup().model().format());
            assertEquals(loaded, c.setup().model().path());
            ConversionInfo cv = c.setup().model().conversion();
            assertEquals(TestOnnxToSavedModel.NAME, cv.converter());
            assertEquals("1", cv.version());
            assertEquals("onnx", cv.from());
            assertEquals(dir.resolve("good.onnx").toString(), cv.sourcePath());
            assertEquals(List.of("test conversion: a copy"), cv.notes());
            assertEquals(cv.sourceSha256(), Path.of(loaded).getParent().getFileName().toString(),
                    "cached under the model's sha256");
        }
        ConfigurationResult unsupported = ForkRuns.byLabel(r, "system=unsupported");
        assertEquals(ConfigurationStatus.SKIPPED, unsupported.status());
        String notConverted = unsupported.outcome().reason();
        assertTrue(notConverted.contains("could not be converted to saved_model") && notConverted.contains("FancyOp"),
                notConverted);
        ConfigurationResult broken = ForkRuns.byLabel(r, "system=broken");
        assertEquals(ConfigurationStatus.FAILED, broken.status());
        assertTrue(broken.outcome().reason().contains("truncated"), broken.outcome().reason());
        assertEquals(ConfigurationStatus.OK, ForkRuns.byLabel(r, "system=synthetic").status());

        try (Stream<Path> entries = Files.list(cache.resolve(CachedConversions.CACHE_FOLDER))) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of(TestOnnxToSavedModel.NAME + "-1"), names, "one converter's folder: " + names);
        }
        try (Stream<Path> entries = Files.list(cache.resolve(CachedConversions.CACHE_FOLDER).resolve(
                TestOnnxToSavedModel.NAME + "-1"))) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), "only the good model is cached; no temporary folder is left: " + names);
        }
        List<String> again = new ArrayList<>();
        prepare(b, s, cache, again);
        assertTrue(again.get(0).startsWith("conversion: using the cached good.onnx"), again.toString());
    }
}
