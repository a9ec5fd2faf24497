package io.inferbench.adapter.tensorflow;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelSession;
import io.inferbench.api.Runner;
import io.inferbench.api.UnsupportedModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.inferbench.testsupport.HostTensors.float32;
import static io.inferbench.adapter.tensorflow.TfTestModels.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX models open through conversion into the cache, with a stand-in converter (whatever the ONNX
 * file holds, it writes the linear test model), so these tests do not depend on the real converter.
 */
class TfConversionTest {
    @TempDir
    Path dir;

    /** A converter that writes {@link TfTestModels#linearSavedModel}, or fails as told. */
    static final class FakeConverter implements ModelConverter {
        final AtomicInteger calls = new AtomicInteger();
        private final RuntimeException crash;
        private final BackendException failure;

        FakeConverter(RuntimeException crash, BackendException failure) {
            this.crash = crash;
            this.failure = failure;
        }

        @Override
        public String name() {
            return "onnx-to-tensorflow";
        }

        @Override
        public String version() {
            return "test-1";
        }

        @Override
        public ModelFormat from() {
            return ModelFormat.ONNX;
        }

        @Override
        public ModelFormat to() {
            return ModelFormat.SAVED_MODEL;
        }

        @Override
        public Conversion convert(Path source, Path target) throws BackendException {
            calls.incrementAndGet();
            if (Files.exists(target)) {
                throw new BackendException("target exists: " + target);
            }
            TfTestModels.linearSavedModel(target);
            if (crash != null) {
                throw crash;
            }
            if (failure != null) {
                throw failure;
            }
            return new Conversion(target, List.of("MatMul x 1", "Add x 1"), List.of("stand-in converter"));
        }
    }

    /** A distinct file each run, so the cache under target/ never already holds its conversion. */
    private Path onnxFile() throws Exception {
        return Files.writeString(dir.resolve("model.onnx"), "not really onnx " + UUID.randomUUID());
    }

    private static Path cacheParent() {
        return TfNatives.cacheDir().resolve("converted").resolve("onnx-to-tensorflow-test-1");
    }

    @Test
    void convertsOnceThenReusesTheCache() throws Exception {
        Path onnx = onnxFile();
        FakeConverter converter = new FakeConverter(null, null);
        TfBackendProvider provider = new TfBackendProvider(() -> converter);
        Path converted;
        FileTime convertedAt;
        try (ModelSession session = provider.open(request(onnx, ModelFormat.ONNX, Map.of()));
             Runner runner = session.newRunner()) {
            Map<String, String> p = session.properties();
            assertEquals("onnx", p.get("converted-from"));
            assertEquals("onnx-to-tensorflow vtest-1", p.get("converter"));
            converted = Path.of(p.get("converted-model"));
            assertEquals(cacheParent().resolve(TfConversion.sha256(onnx)), converted);
            assertTrue(p.get("conversion").startsWith("converted in "), p.toString());
            assertEquals("MatMul x 1, Add x 1", p.get("conversion-operators"));
            assertEquals("stand-in converter", p.get("conversion-notes"));
            assertTrue(Files.isRegularFile(converted.resolve("saved_model.pb")));
            assertTrue(Files.isRegularFile(converted.resolve(TfConversion.RECORD)));
            assertArrayEquals(new float[]{40.5f, 51f}, runner.runAndFetch(runner.prepare(
                    Map.of("x", float32(new long[]{1, 3}, 3, 4, 5)))).get("y").toFloatArray(), 1e-5f);
            convertedAt = Files.getLastModifiedTime(converted.resolve("saved_model.pb"));
        }
        int conversions = TfConversion.CONVERSIONS.get();
        try (ModelSession again = provider.open(request(onnx, ModelFormat.ONNX, Map.of()))) {
            assertEquals(1, converter.calls.get(), "no second conversion");
            assertEquals(conversions, TfConversion.CONVERSIONS.get());
            assertEquals("reused from the cache", again.properties().get("conversion"));
            assertEquals(converted.toString(), again.properties().get("converted-model"));
            assertEquals("MatMul x 1, Add x 1", again.properties().get("conversion-operators"));
            assertEquals(convertedAt, Files.getLastModifiedTime(converted.resolve("saved_model.pb")));
        }
        assertNoTemporaries();
    }

    @Test
    void unsupportedOperatorsStayUnsupported() throws Exception {
        Path onnx = onnxFile();
        UnsupportedModelException unsupported = new UnsupportedModelException(
                "unsupported ONNX operators: MatMulInteger x 6 (first: /encoder/MatMul_quant)");
        TfBackendProvider provider = new TfBackendProvider(() -> new FakeConverter(null, unsupported));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> provider.open(request(onnx, ModelFormat.ONNX, Map.of())));
        assertEquals(unsupported.getMessage(), e.getMessage());
        assertFalse(Files.exists(cacheParent().resolve(TfConversion.sha256(onnx))));
        assertNoTemporaries();
    }

    @Test
    void converterFailuresAreBackendExceptions() throws Exception {
        Path onnx = onnxFile();
        TfBackendProvider crashing = new TfBackendProvider(
                () -> new FakeConverter(new IllegalStateException("boom"), null));
        BackendException e = assertThrows(BackendException.class,
                () -> crashing.open(request(onnx, ModelFormat.ONNX, Map.of())));
        assertFalse(e instanceof UnsupportedModelException);
        assertTrue(e.getMessage().contains("boom") && e.getMessage().contains(onnx.toString()), e.getMessage());
        TfBackendProvider failing = new TfBackendProvider(
                () -> new FakeConverter(null, new BackendException("bad initializer")));
        BackendException f = assertThrows(BackendException.class,
                () -> failing.open(request(onnx, ModelFormat.ONNX, Map.of())));
        assertTrue(f.getMessage().contains("bad initializer"), f.getMessage());
        assertFalse(Files.exists(cacheParent().resolve(TfConversion.sha256(onnx))));
        assertNoTemporaries();
    }

    @Test
    void missingOnnxFileNamesThePath() {
        Path missing = dir.resolve("absent.onnx");
        TfBackendProvider provider = new TfBackendProvider(() -> new FakeConverter(null, null));
        BackendException e = assertThrows(BackendException.class,
                () -> provider.open(request(missing, ModelFormat.ONNX, Map.of())));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void defaultConverterIsTheConvertPackagesOrUnsupported() {
        try {
            ModelConverter c = TfConversion.defaultConverter();
            assertEquals(ModelFormat.ONNX, c.from());
        } catch (BackendException e) {
            assertInstanceOf(UnsupportedModelException.class, e);
        }
    }

    private static void assertNoTemporaries() throws Exception {
        if (!Files.isDirectory(cacheParent())) {
            return;
        }
        try (Stream<Path> children = Files.list(cacheParent())) {
            List<Path> temps = children.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
            assertEquals(List.of(), temps);
        }
    }
}
