package io.inferbench.adapter.tensorflow;

import io.inferbench.api.BackendException;
import io.inferbench.api.ModelConverter;
import io.inferbench.api.UnsupportedModelException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Converts ONNX models to SavedModels once and keeps them in the InferBench cache.
 *
 * <p>The converted model lives in {@code <cache>/converted/<converter>-<version>/<sha256 of the onnx
 * file>/}: a new converter version or a changed file gets a new directory; the same file is converted
 * once per machine. The converter writes into a temporary directory beside the final one, which is
 * then renamed into place; a rename is atomic, so the final directory is always complete, and when two
 * JVMs convert at once the first rename wins and the other JVM uses its result. Beside the
 * SavedModel's own files the directory holds {@value #RECORD}, what the converter reported, so a
 * reused conversion is described like a fresh one.
 */
final class TfConversion {
    static final String RECORD = "inferbench-conversion.properties";
    static final String CONVERTER_CLASS = "io.inferbench.adapter.tensorflow.convert.OnnxToTensorFlow";
    private static final Duration STALE_TEMP_AGE = Duration.ofHours(6);

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
        Path parent = cacheRoot.resolve("converted").resolve(safe(converter.name() + "-" + converter.version()));
        Path target = parent.resolve(sha256(onnx));
        if (Files.isDirectory(target)) {
            return reused(target, label);
        }
        Path temp = null;
        try {
            Files.createDirectories(parent);
            deleteStaleTemps(parent);
            temp = parent.resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            long start = System.nanoTime();
            ModelConverter.Conversion conversion = converter.convert(onnx, temp);
            long millis = (System.nanoTime() - start) / 1_000_000;
            CONVERSIONS.incrementAndGet();
            if (!conversion.target().toAbsolutePath().normalize().equals(temp.toAbsolutePath().normalize())) {
                throw new BackendException(label + " wrote " + conversion.target() + ", not the requested " + temp);
            }
            writeRecord(temp, onnx, label, conversion, millis);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another JVM finished first: its result is as good as ours.
                return reused(target, label);
            } catch (AtomicMoveNotSupportedException e) {
                throw new BackendException("cannot move the converted model into " + target + ": " + e.getMessage(), e);
            }
            return new Converted(target, label, false, conversion.operators(), conversion.notes(), millis);
        } catch (UnsupportedModelException e) {
            throw e;
        } catch (BackendException e) {
            throw new BackendException("converting " + onnx + " with " + label + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackendException("cannot write the converted model under " + parent + ": " + e, e);
        } catch (RuntimeException e) {
            throw new BackendException(label + " failed on " + onnx + ": " + TfErrors.oneLine(e), e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
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

    /** Hex SHA-256 of a file's bytes. */
    static String sha256(Path file) throws BackendException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new BackendException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Removes temporary directories left by JVMs killed mid-conversion; young ones may be in progress. */
    private static void deleteStaleTemps(Path parent) {
        Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.filter(p -> p.getFileName().toString().contains(".tmp-")).toList()) {
                if (Files.getLastModifiedTime(child).toInstant().isBefore(cutoff)) {
                    deleteTree(child);
                }
            }
        } catch (IOException e) {
            // Best effort: a leftover directory wastes space but breaks nothing.
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort, as above.
        }
    }
}
