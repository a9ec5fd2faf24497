package io.inferbench.run;

import io.inferbench.api.ModelFormat;
import io.inferbench.model.ResolvedModel;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.ConversionInfo;
import io.inferbench.result.ResultJson;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.ConfigurationSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The harness's model conversions: when a configuration's backend does not load its model's format
 * but an installed converter takes it to one it does, the model is converted once, in a child JVM
 * with the converter's adapter on its class path (the converter may load native libraries, e.g.
 * TensorFlow's, which must stay out of the parent), and cached.
 *
 * <p>Cache: {@code <cache>/conversions/<sha256>-<converter>-<version>/} holding {@code model} (the
 * converted file or folder) and {@code conversion.json} (a {@link ConversionInfo}). A conversion is
 * written into a temporary sibling folder and renamed into place, so a crash mid-way leaves no
 * half-written model that a later run would trust.
 */
public final class CachedConversions implements ModelConversions {
    /** Under the cache; apart from the TensorFlow adapter's own {@code converted/}, which it manages itself. */
    static final String CACHE_FOLDER = "conversions";
    static final String MODEL = "model";
    static final String INFO = "conversion.json";

    private final Backends backends;
    private final ChildProbe probe;
    private final Path cacheRoot;
    private final Consumer<String> progress;
    private final Map<String, Outcome> done = new HashMap<>();

    /**
     * @param cacheRoot the InferBench cache ({@link io.inferbench.model.InferbenchDirs#cache()})
     * @param progress  receives a line before each conversion and on each cache hit
     */
    public CachedConversions(Backends backends, ChildProbe probe, Path cacheRoot, Consumer<String> progress) {
        this.backends = backends;
        this.probe = probe;
        this.cacheRoot = cacheRoot;
        this.progress = progress;
    }

    @Override
    public synchronized Outcome convert(ConfigurationSpec c, ResolvedModel source) {
        ModelFormat from = c.model().format();
        var found = backends.converterFor(c.backend().name(), from);
        if (found.isEmpty() || source.path() == null) {
            return null;
        }
        Backends.InstalledConverter converter = found.get();
        String sha = source.sha256() == null || source.sha256().isBlank() ? pathKey(source) : source.sha256();
        String key = sha + "-" + safe(converter.converter().name()) + "-" + safe(converter.converter().version());
        return done.computeIfAbsent(key, k -> convert(c, source, converter, sha, cacheRoot.resolve(CACHE_FOLDER)
                .resolve(k)));
    }

    private Outcome convert(ConfigurationSpec c, ResolvedModel source, Backends.InstalledConverter converter,
                            String sha, Path dir) {
        var conv = converter.converter();
        String what = source.path().getFileName() + " (" + format(conv.from()) + " to " + format(conv.to())
                + ") with " + conv.name() + " v" + conv.version() + " for backend '" + c.backend().name() + "'";
        try {
            if (Files.isRegularFile(dir.resolve(INFO))) {
                progress.accept("conversion: using the cached " + what + ": " + dir);
                return converted(dir, conv.to());
            }
            progress.accept("conversion: converting " + what + " in a child JVM (cached in " + dir + ")...");
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".tmp-");
            try {
                ProbeReply reply = probe.convert(converter, new ProbeRequest.Conversion(conv.name(),
                        source.path().toAbsolutePath(), tmp.resolve(MODEL)));
                if (reply.conversion() == null) {
                    return new Failed(reply.conversionUnsupported() ? ConfigurationStatus.SKIPPED
                            : ConfigurationStatus.FAILED, "the model could not be converted to " + format(conv.to())
                            + " with " + conv.name() + " v" + conv.version() + ": " + reply.conversionError());
                }
                ConversionInfo info = new ConversionInfo(conv.name(), conv.version(), format(conv.from()),
                        format(conv.to()), source.path().toString(), sha, reply.conversion().operators(),
                        reply.conversion().notes());
                Files.write(tmp.resolve(INFO), ResultJson.mapper().writeValueAsBytes(info));
                publish(tmp, dir);
                return converted(dir, conv.to());
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException | UncheckedIOException e) {
            return new Failed(ConfigurationStatus.FAILED, "the model could not be converted with " + conv.name()
                    + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(ConfigurationStatus.FAILED, "interrupted while converting the model");
        }
    }

    /** Renames the finished temporary folder into place; another process may have got there first. */
    private static void publish(Path tmp, Path dir) throws IOException {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        } catch (FileAlreadyExistsException e) {
            // a concurrent run converted the same model: keep its copy
        } catch (IOException e) {
            if (!Files.isRegularFile(dir.resolve(INFO))) {
                throw e;
            }
        }
    }

    private static Converted converted(Path dir, ModelFormat to) throws IOException {
        ConversionInfo info = ResultJson.mapper().readValue(dir.resolve(INFO).toFile(), ConversionInfo.class);
        Path model = dir.resolve(MODEL);
        return new Converted(new ResolvedModel(model, info.sourcePath(), size(model), ""), to, info);
    }

    private static long size(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String format(ModelFormat f) {
        return f.name().toLowerCase(Locale.ROOT);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** For a model without a content hash (a folder): its path and size, hashed. */
    private static String pathKey(ResolvedModel m) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((m.path().toAbsolutePath()
                    + "|" + m.sizeBytes()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is ignored by later runs
        }
    }
}
