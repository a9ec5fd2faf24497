package io.inferbench.report;

import io.inferbench.result.ResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a site folder was built from ({@value #FILE} in the folder): the renderer version it was
 * built with, each input's digests and summary, and each generated page's input digest. The next
 * {@code report --site} into the folder reads it to parse only new or changed results and to
 * render only pages whose inputs changed; a different version (templates, InferBench) means a
 * full rebuild.
 *
 * @param schema  always {@link #SCHEMA}
 * @param version the {@link SiteBuilder} renderer version the pages were made with
 * @param runs    every input, in the order built
 * @param pages   each generated page (path relative to the folder, with {@code /}) and its input digest
 */
record SiteManifest(String schema, String version, List<Entry> runs, Map<String, String> pages) {
    static final String FILE = ".inferbench-site.json";
    static final String SCHEMA = "inferbench.site/1";

    SiteManifest {
        runs = runs == null ? List.of() : List.copyOf(runs);
        pages = pages == null ? Map.of() : new TreeMap<>(pages);
    }

    /**
     * One input as last built.
     *
     * @param key          {@link SiteInput#key()}
     * @param resultDigest {@link SiteInput#contentDigest} of the result's bytes
     * @param gateDigest   the same of {@code gate.json}, or {@code none}
     * @param resultStamp  the result file's size and modification time when digested
     * @param gateStamp    the same of {@code gate.json}, or {@code none}
     * @param run          its summary
     */
    record Entry(String key, String resultDigest, String gateDigest, String resultStamp, String gateStamp,
                 SiteRun run) {
        Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(run, "run");
        }
    }

    /** An empty manifest: nothing known, everything is built. */
    static SiteManifest empty(String version) {
        return new SiteManifest(SCHEMA, version, List.of(), Map.of());
    }

    /**
     * The manifest in {@code dir}; empty when there is none. A corrupt one, or one of another schema,
     * is empty too, with the reason added to {@code warnings} (the site is then rebuilt in full).
     */
    static SiteManifest read(Path dir, String version, List<String> warnings) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return empty(version);
        }
        try {
            SiteManifest m = ResultJson.mapper().readValue(Files.readAllBytes(file), SiteManifest.class);
            if (!SCHEMA.equals(m.schema())) {
                throw new IOException("schema " + m.schema() + ", expected " + SCHEMA);
            }
            return m;
        } catch (IOException | RuntimeException e) {
            warnings.add(file + ": unreadable site manifest (" + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse("") + "); rebuilding the whole site");
            return empty(version);
        }
    }

    /** Writes this manifest into {@code dir} atomically. */
    void write(Path dir) throws IOException {
        // Compact: it holds a summary of every run, read and written on every build.
        ResultJson.writeAtomically(dir.resolve(FILE), ResultJson.mapper().writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(this));
    }
}
