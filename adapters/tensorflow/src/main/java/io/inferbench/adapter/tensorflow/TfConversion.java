package io.inferbench.adapter.tensorflow;

import io.inferbench.api.BackendException;
import io.inferbench.api.ConversionCache;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.UnsupportedModelException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Converts ONNX models to SavedModels once and keeps them in the InferBench cache, through the API's
 * {@link ConversionCache}.
 *
 * <p>The converted model lives in {@code <cache>/converted/<converter>-<version>/<sha256 of the onnx
 * file>/}: a new converter version or a changed file gets a new directory; the same file is converted
 * once per machine. The cache has the converter write into a temporary directory beside the final one,
 * renamed into place when complete, so the final directory is always complete, and when two JVMs
 * convert at once the first rename wins and the other JVM uses its result. Beside the SavedModel's own
 * files the directory holds {@value #RECORD}, what the converter reported, so a reused conversion is
 * described like a fresh one.
 */
final class TfConversion {
    static final String RECORD = "inferbench-conversion.properties";
    static final String CONVERTER_CLASS = "io.inferbench.adapter.tensorflow.convert.OnnxToTensorFlow";

    /** Conversions run in this JVM (not reused from the cache); tests read it. */
    static final AtomicInteger CONVERSIONS = new AtomicInteger();

    /**
     * A converted model.
     *
     * @param savedModel       the SavedModel directory
     * @param converter        converter name and version, e.g. {@code onnx-to-tensorflow v1}
     * @param reused           whether it came from the cache
     * @param operators        what the converter reported it converted
     * @param notes            the converter's notes
     * @param conversionMillis how long the conversion took (0 when reused)
     */
    record Converted(Path savedModel, String converter, boolean reused, List<String> operators, List<String> notes,
                     long conversionMillis) {
    }

    private TfConversion() {
    }

    /**
     * The ONNX to TensorFlow converter of the {@code convert} package, loaded by name so this adapter
     * still opens SavedModels and GraphDefs in a build without it.
     *
     * @throws UnsupportedModelException if the converter is not in this build
     */
    static ModelConverter defaultConverter() throws BackendException {
        try {
            return Class.forName(CONVERTER_CLASS).asSubclass(ModelConverter.class).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new UnsupportedModelException("tensorflow opens ONNX models through the onnx-to-tensorflow"
                    + " converter, which is not in this build (" + CONVERTER_CLASS + ")");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new BackendException("cannot create the onnx-to-tensorflow converter: " + TfErrors.oneLine(e), e);
        }
    }

    /**
     * The SavedModel for {@code onnx}, converted now or found in {@code cacheRoot}. Blocking; a
     * conversion may take a while. Synchronized: one conversion at a time in this JVM.
     *
     * @throws UnsupportedModelException from the converter, unchanged (operators it cannot convert)
     * @throws BackendException          if the file cannot be read, or the conversion fails otherwise
     */
    static synchronized Converted convert(Path onnx, Path cacheRoot, ModelConverter converter) throws BackendException {
        if (!Files.isRegularFile(onnx)) {
            throw new BackendException(Files.exists(onnx) ? "model path is not a file (expected a .onnx file): " + onnx
                    : "model file not found: " + onnx);
        }
        String label = converter.name() + " v" + converter.version();
        ConversionCache cache = ConversionCache.in(cacheRoot);
        ConversionCache.Key key = new ConversionCache.Key(sha256(onnx), converter.name(), converter.version());
        Path target = cache.dir(key);
        Converted[] fresh = new Converted[1];
        try {
            ConversionCache.Entry entry = cache.obtain(key, temp -> fresh[0] = convertInto(temp, target, onnx,
                    label, converter));
            return entry.reused() ? reused(target, label) : fresh[0];
        } catch (UnsupportedModelException e) {
            throw e;
        } catch (BackendException e) {
            throw new BackendException("converting " + onnx + " with " + label + " failed: " + e.getMessage(), e);
        } catch (AtomicMoveNotSupportedException e) {
            throw new BackendException("cannot move the converted model into " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackendException("cannot write the converted model under " + target.getParent() + ": " + e, e);
        } catch (RuntimeException e) {
            throw new BackendException(label + " failed on " + onnx + ": " + TfErrors.oneLine(e), e);
        }
    }

    /** Runs the converter into the cache's temporary directory and records what it reported. */
    private static Converted convertInto(Path temp, Path target, Path onnx, String label, ModelConverter converter)
            throws BackendException, IOException {
        long start = System.nanoTime();
        ModelConverter.Conversion conversion = converter.convert(onnx, temp);
        long millis = (System.nanoTime() - start) / 1_000_000;
        CONVERSIONS.incrementAndGet();
        if (!conversion.target().toAbsolutePath().normalize().equals(temp.toAbsolutePath().normalize())) {
            throw new BackendException(label + " wrote " + conversion.target() + ", not the requested " + temp);
        }
        writeRecord(temp, onnx, label, conversion, millis);
        return new Converted(target, label, false, conversion.operators(), conversion.notes(), millis);
    }

    private static Converted reused(Path target, String label) {
        Properties record = new Properties();
        try (Reader in = Files.newBufferedReader(target.resolve(RECORD), StandardCharsets.UTF_8)) {
            record.load(in);
        } catch (IOException e) {
            // A directory without its record (made by hand, or an older version): still a SavedModel.
        }
        return new Converted(target, label, true, lines(record.getProperty("operators")),
                lines(record.getProperty("notes")), 0);
    }

    private static void writeRecord(Path dir, Path onnx, String label, ModelConverter.Conversion conversion,
                                    long millis) throws IOException {
        Properties record = new Properties();
        record.setProperty("source", onnx.toAbsolutePath().toString());
        record.setProperty("converter", label);
        record.setProperty("converted-at", Instant.now().toString());
        record.setProperty("conversion-millis", Long.toString(millis));
        record.setProperty("operators", String.join("\n", conversion.operators()));
        record.setProperty("notes", String.join("\n", conversion.notes()));
        try (Writer out = Files.newBufferedWriter(dir.resolve(RECORD), StandardCharsets.UTF_8)) {
            record.store(out, "What InferBench's ONNX to TensorFlow conversion reported");
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** Hex SHA-256 of a file's bytes: the cache key's content part. */
    static String sha256(Path file) throws BackendException {
        try {
            return ConversionCache.sha256(file);
        } catch (IOException e) {
            throw new BackendException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
