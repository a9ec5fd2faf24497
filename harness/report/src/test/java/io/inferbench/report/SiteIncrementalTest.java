package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.GateRecordJson;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --site DIR} into a folder that holds a site: only what changed is read and rendered. */
class SiteIncrementalTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    /** Eight nights as run folders {@code results/nNN/result.json}. */
    private static List<Path> results(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        List<RunResult> runs = SiteFixtures.nightly(SiteFixtures.crossBackend(), 8, 9, n -> 1.0);
        for (int i = 0; i < runs.size(); i++) {
            Path f = root.resolve(String.format("results/n%02d/result.json", i + 1));
            ResultJson.write(runs.get(i), f);
            files.add(f);
        }
        return files;
    }

    private static List<SiteInput> inputs(List<Path> files) throws IOException {
        List<SiteInput> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(SiteInput.read(f));
        }
        return inputs;
    }

    /** Every file of the site but the manifest, its bytes as text, the index's build time taken out. */
    private static Map<String, String> contents(Path site) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String name = site.relativize(f).toString();
                if (!name.equals(SiteManifest.FILE)) {
                    out.put(name, Files.readString(f).replaceAll("built <span>[^<]*</span>", "built <span/>"));
                }
            }
        }
        return out;
    }

    private static void age(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, LONG_AGO);
            }
        }
    }

    @Test
    void aNewNightRendersOnlyItsPagesAndGivesTheFullBuildsSite(@TempDir Path dir) throws IOException {
        List<Path> files = results(dir);
        Path site = dir.resolve("site");
        SiteBuilder builder = new SiteBuilder(new ReportRenderer());
        SiteBuilder.Site first = builder.buildFrom(inputs(files.subList(0, 7)), site);
        assertEquals(7 + 6, first.rendered().size(), "a first build renders every run and comparison page");
        assertEquals(7, first.parsed());
        age(site);

        SiteBuilder.Site second = builder.buildFrom(inputs(files), site);
        String night8 = "20261122-023509-cross-backend-derived-night-008";
        String night7 = "20261122-023509-cross-backend-derived-night-007";
        assertEquals(List.of("compare/" + night8 + "--vs--" + night7 + ".html", "runs/" + night8 + ".html"),
                second.rendered(), "only the new night's page and its comparison");
        assertEquals(1, second.parsed(), "only the new result is read");
        assertEquals(13, second.reused());
        try (Stream<Path> pages = Files.list(site.resolve("runs"))) {
            for (Path p : pages.toList()) {
                boolean isNew = p.getFileName().toString().equals(night8 + ".html");
                assertEquals(!isNew, Files.getLastModifiedTime(p).equals(LONG_AGO), p + " rewritten: " + isNew);
            }
        }
        assertTrue(!Files.getLastModifiedTime(site.resolve("index.html")).equals(LONG_AGO), "the index is rewritten");

        Path full = dir.resolve("full");
        SiteBuilder.Site rebuilt = builder.buildFrom(inputs(files), full);
        assertEquals(8 + 7, rebuilt.rendered().size());
        assertEquals(contents(full), contents(site), "the incremental site is the full build's");

        // Nothing changed: nothing is read or rendered.
        SiteBuilder.Site same = builder.buildFrom(inputs(files), site);
        assertEquals(List.of(), same.rendered());
        assertEquals(0, same.parsed());

        // A gate.json added beside night 5 re-renders its page only (a corrupt one: a warning, not a failure).
        Files.writeString(files.get(4).resolveSibling(GateRecordJson.FILE), "{ not json");
        SiteBuilder.Site gated = builder.buildFrom(inputs(files), site);
        assertEquals(List.of("runs/20261122-023509-cross-backend-derived-night-005.html"), gated.rendered());
        assertEquals(1, gated.warnings().size(), gated.warnings().toString());
        assertTrue(gated.warnings().get(0).contains(files.get(4).resolveSibling(GateRecordJson.FILE).toString()));
        assertTrue(Files.readString(site.resolve("index.html")).contains("gate record unreadable"));
    }

    @Test
    void droppedRunsLoseTheirPagesAndACorruptManifestOrOtherTemplatesRebuildAll(@TempDir Path dir) throws IOException {
        List<Path> files = results(dir);
        Path site = dir.resolve("site");
        SiteBuilder builder = new SiteBuilder(new ReportRenderer());
        builder.buildFrom(inputs(files), site);

        // Night 1 gone: its page and night 2's comparison with it are removed, night 2's page re-rendered (its
        // link to a previous run is gone).
        SiteBuilder.Site fewer = builder.buildFrom(inputs(files.subList(1, 8)), site);
        String night1 = "20261122-023509-cross-backend-derived-night-001";
        String night2 = "20261122-023509-cross-backend-derived-night-002";
        assertEquals(2, fewer.removed());
        assertTrue(Files.notExists(site.resolve("runs/" + night1 + ".html")));
        assertTrue(Files.notExists(site.resolve("compare/" + night2 + "--vs--" + night1 + ".html")));
        assertEquals(List.of("runs/" + night2 + ".html"), fewer.rendered());

        Files.writeString(site.resolve(SiteManifest.FILE), "{ truncated");
        SiteBuilder.Site corrupt = builder.buildFrom(inputs(files.subList(1, 8)), site);
        assertEquals(7 + 6, corrupt.rendered().size(), "a corrupt manifest rebuilds everything");
        assertEquals(7, corrupt.parsed());
        assertTrue(corrupt.warnings().stream().anyMatch(w -> w.contains("unreadable site manifest")),
                corrupt.warnings().toString());

        Path own = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(own.resolve("site.js"), "document.body.dataset.own = 'yes';");
        SiteBuilder.Site restyled = new SiteBuilder(ReportRenderer.withTemplates(own))
                .buildFrom(inputs(files.subList(1, 8)), site);
        assertEquals(7 + 6, restyled.rendered().size(), "other templates rebuild everything");
    }
}
