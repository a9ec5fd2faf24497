package io.inferbench.run;

import io.inferbench.api.ConversionCache;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * <p>Cache: a {@link ConversionCache} (the one the TensorFlow adapter uses too) rooted at
 * {@code <cache>/conversions}, so an entry is {@code <converter>-<version>/<sha256>/} holding
 * {@code model} (the converted file or folder) and {@code conversion.json} (a {@link ConversionInfo}).
 * Its own root because its entries are laid out differently from the TensorFlow adapter's
 * {@code converted/} ones, under the same keys. The cache publishes by atomic rename, so a crash
 * mid-way leaves no half-written model that a later run would trust.
 */
public final class CachedConversions implements ModelConversions {
    /** Under the cache; apart from the TensorFlow adapter's own {@code converted/}, which it manages itself. */
    static final String CACHE_FOLDER = "conversions";
    static final String MODEL = "model";
    static final String INFO = "conversion.json";

    private final Backends backends;
    private final ChildProbe probe;
    private final ConversionCache cache;
    private final Consumer<String> progress;
    private final Map<ConversionCache.Key, Outcome> done = new HashMap<>();

    /**
     * @param cacheRoot the InferBench cache ({@link io.inferbench.model.InferbenchDirs#cache()})
     * @param progress  receives a line before each conversion and on each cache hit
     */
    public CachedConversions(Backends backends, ChildProbe probe, Path cacheRoot, Consumer<String> progress) {
        this.backends = backends;
        this.probe = probe;
        this.cache = new ConversionCache(cacheRoot.resolve(CACHE_FOLDER));
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
        var key = new ConversionCache.Key(sha, converter.converter().name(), converter.converter().version());
        return done.computeIfAbsent(key, k -> convert(c, source, converter, k));
    }

    private Outcome convert(ConfigurationSpec c, ResolvedModel source, Backends.InstalledConverter converter,
                            ConversionCache.Key key) {
        var conv = converter.converter();
        Path dir = cache.dir(key);
        String what = source.path().getFileName() + " (" + format(conv.from()) + " to " + format(conv.to())
                + ") with " + conv.name() + " v" + conv.version() + " for backend '" + c.backend().name() + "'";
        try {
            if (Files.isRegularFile(dir.resolve(INFO))) {
                progress.accept("conversion: using the cached " + what + ": " + dir);
                return converted(dir, conv.to());
            }
            progress.accept("conversion: converting " + what + " in a child JVM (cached in " + dir + ")...");
            ConversionCache.Entry entry = cache.obtain(key, tmp -> {
                Files.createDirectories(tmp);
                ProbeReply reply = probe.convert(converter, new ProbeRequest.Conversion(conv.name(),
                        source.path().toAbsolutePath(), tmp.resolve(MODEL)));
                if (reply.conversion() == null) {
                    throw new Refused(new Failed(reply.conversionUnsupported() ? ConfigurationStatus.SKIPPED
                            : ConfigurationStatus.FAILED, "the model could not be converted to " + format(conv.to())
                            + " with " + conv.name() + " v" + conv.version() + ": " + reply.conversionError()));
                }
                ConversionInfo info = new ConversionInfo(conv.name(), conv.version(), format(conv.from()),
                        format(conv.to()), source.path().toString(), key.sha256(), reply.conversion().operators(),
                        reply.conversion().notes());
                Files.write(tmp.resolve(INFO), ResultJson.mapper().writeValueAsBytes(info));
            });
            return converted(entry.dir(), conv.to());
        } catch (Refused e) {
            return e.outcome;
        } catch (IOException | UncheckedIOException e) {
            return new Failed(ConfigurationStatus.FAILED, "the model could not be converted with " + conv.name()
                    + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(ConfigurationStatus.FAILED, "interrupted while converting the model");
        } catch (Exception e) {
            return new Failed(ConfigurationStatus.FAILED, "the model could not be converted with " + conv.name()
                    + ": " + e);
        }
    }

    /** A conversion the converter declined or failed: nothing is cached, the configuration gets the outcome. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Failed outcome;

        Refused(Failed outcome) {
            super(outcome.reason(), null, false, false);
            this.outcome = outcome;
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


    /** For a model without a content hash (a folder): its path and size, hashed. */
    private static String pathKey(ResolvedModel m) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((m.path().toAbsolutePath()
                    + "|" + m.sizeBytes()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
