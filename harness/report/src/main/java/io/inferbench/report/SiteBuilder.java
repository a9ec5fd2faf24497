package io.inferbench.report;

import io.inferbench.compare.ChangePoints;
import io.inferbench.compare.LatencySample;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Builds a static report site from stored results alone (it never runs anything):
 * <pre>
 *   index.html                 every run: date, scenario, machine, verdict counts, gate outcome; filter and sort
 *   compare.html               pick any two runs and configurations (client-side, over embedded summaries)
 *   runs/RUN.html              each run's full report, with the gate's verdicts when it was gated
 *   scenarios/SCENARIO.html    each scenario's history of median latency per configuration: baseline
 *                              bands, detected changes ({@link ChangePoints}) and environment changes;
 *   scenarios/p99/, throughput/, accuracy/SCENARIO.html   the same for the other gated metrics
 *   compare/RUN--vs--PREV.html each run against the previous run of its scenario, with bootstrap verdicts
 * </pre>
 * Comparisons are generated statically only between consecutive runs of a scenario (n − 1 pages for
 * n runs, not n²); any other pair is compared in the browser from the per-configuration summaries
 * embedded in {@code compare.html}.
 *
 * <p><b>Incremental.</b> The folder keeps a manifest ({@link SiteManifest}, {@code .inferbench-site.json})
 * with each input's digests and summary and each page's input digest (result and gate bytes, the
 * page's links, the renderer version). A build into a folder that holds a site parses only results
 * that are new or changed and renders only run and comparison pages whose inputs changed; the index,
 * chooser and history pages (built from the summaries) are always rewritten. Pages of runs no longer
 * among the inputs are deleted, so an incremental build leaves the folder as a full build would. A
 * different version (InferBench, the renderer, or any template) rebuilds everything; so does a
 * corrupt manifest, with a warning.
 *
 * <p>File names come from {@link SitePaths}, so no run id or scenario name can address a file outside
 * the folder. Pages with a script allow only that script, by hash, in their Content-Security-Policy.
 * Run and comparison pages are rendered in parallel on the available cores.
 *
 * <p>Not thread-safe; one build at a time per instance.
 */
public final class SiteBuilder {
    /** Bump when what the builder writes changes without a template changing. */
    static final String RENDERER_VERSION = "site/4";
    /** Comparison pages rendered one after the other by one core (see {@link #tasks}). */
    private static final int CHAIN = 8;
    private static final Pattern GENERATED = Pattern.compile("(runs|compare|scenarios(/[a-z0-9]+)?)/[A-Za-z0-9_][A-Za-z0-9._-]*\\.html");

    private final ReportRenderer renderer;
    private final ChangePoints changePoints;

    /**
     * What was written.
     *
     * @param runs        run pages
     * @param scenarios   scenarios (each with a history page per metric)
     * @param comparisons run-against-previous comparison pages
     * @param index       the index page
     * @param rendered    run and comparison pages rendered by this build (paths relative to the folder)
     * @param reused      run and comparison pages kept from an earlier build, their inputs unchanged
     * @param parsed      results parsed by this build
     * @param removed     pages of an earlier build deleted, their runs no longer among the inputs
     * @param warnings    one line each: unreadable gate records, an unreadable manifest
     */
    public record Site(int runs, int scenarios, int comparisons, Path index, List<String> rendered, int reused,
                       int parsed, int removed, List<String> warnings, List<String> skipped) {
        public Site {
            rendered = List.copyOf(rendered);
            warnings = List.copyOf(warnings);
            skipped = List.copyOf(skipped);
        }
    }

    /** A builder rendering with {@code renderer}'s templates. */
    public SiteBuilder(ReportRenderer renderer) {
        this(renderer, ChangePoints.DEFAULT);
    }

    SiteBuilder(ReportRenderer renderer, ChangePoints changePoints) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.changePoints = Objects.requireNonNull(changePoints, "changePoints");
    }

    /** One run placed in the site: its input, summary and page names. */
    private record Placed(SiteInput input, SiteRun run, String slug, String scenarioSlug) {
    }

    /** A page to render or keep: its path under the folder and its input digest (null: always render). */
    private record Planned(String path, String digest, Placed run, Placed previous, boolean comparison) {
    }

    /** Writes the site for runs held in memory, none of them gated. */
    public Site build(List<RunResult> results, Path dir) throws IOException {
        List<SiteInput> inputs = new ArrayList<>();
        for (RunResult r : results) {
            inputs.add(SiteInput.of(r, Optional.empty()));
        }
        return buildFrom(inputs, dir);
    }

    /**
     * Writes (or brings up to date) the site for {@code inputs} in {@code dir}, created when missing.
     *
     * @throws IOException when a result cannot be read (naming it) or a page cannot be written
     * @throws UncheckedIOException when a result file vanishes while it is digested
     */
    public Site buildFrom(List<SiteInput> inputs, Path dir) throws IOException {
        for (String sub : List.of("runs", "scenarios", "compare")) {
            Files.createDirectories(dir.resolve(sub));
        }
        String version = version();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        SiteManifest old = SiteManifest.read(dir, version, warnings);
        boolean sameVersion = version.equals(old.version());
        Map<String, SiteManifest.Entry> known = new LinkedHashMap<>();
        if (sameVersion) {
            old.runs().forEach(e -> known.put(e.key(), e));
        }

        int[] parsed = new int[1];
        Map<Integer, String> unreadable = new ConcurrentHashMap<>();
        List<SiteRun> all = SiteSummaries.of(inputs, known, parsed, unreadable);
        // One bad result does not sink the site: it is left out, named, and the rest is built.
        List<SiteInput> readable = new ArrayList<>();
        List<SiteRun> summaries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (unreadable.containsKey(i)) {
                skipped.add(unreadable.get(i));
            } else {
                readable.add(inputs.get(i));
                summaries.add(all.get(i));
            }
        }
        inputs = readable;
        List<Placed> placed = place(inputs, summaries);
        for (Placed p : placed) {
            if (p.run().gate().reason() != null) {
                warnings.add("gate record unreadable: " + p.run().gate().reason());
            }
        }
        Map<String, List<Placed>> byScenario = new LinkedHashMap<>();
        placed.forEach(p -> byScenario.computeIfAbsent(p.run().scenario(), k -> new ArrayList<>()).add(p));

        List<Planned> plan = plan(byScenario, version);
        Map<String, String> pages = new ConcurrentHashMap<>();
        List<String> rendered = Collections.synchronizedList(new ArrayList<>());
        List<Planned> toRender = new ArrayList<>();
        for (Planned p : plan) {
            boolean current = p.digest() != null && p.digest().equals(sameVersion ? old.pages().get(p.path()) : null)
                    && Files.isRegularFile(dir.resolve(p.path()));
            if (current) {
                pages.put(p.path(), p.digest());
            } else {
                toRender.add(p);
            }
        }
        // Run and comparison pages need the results, the history pages and the index only the summaries:
        // both are made at once, so neither waits for the other's last page with a core idle.
        java.util.concurrent.CompletableFuture<Void> runPages = java.util.concurrent.CompletableFuture.runAsync(
                () -> renderRunPages(toRender, dir, pages, rendered));
        try {
            aggregates(dir, byScenario, placed, pages);
        } finally {
            awaitRunPages(runPages);
        }
        int removed = removeStale(dir, old, pages);
        new SiteManifest(SiteManifest.SCHEMA, version, SiteSummaries.entries(inputs, summaries), pages).write(dir);
        Collections.sort(rendered);
        return new Site(placed.size(), byScenario.size(), (int) plan.stream().filter(Planned::comparison).count(),
                dir.resolve("index.html"), rendered, plan.size() - toRender.size(), parsed[0], removed, warnings,
                skipped);
    }

    /** Renders and writes {@code toRender}'s run and comparison pages, listing each in {@code pages} and {@code rendered}. */
    private void renderRunPages(List<Planned> toRender, Path dir, Map<String, String> pages, List<String> rendered) {
        tasks(toRender).parallelStream().forEach(task -> {
            Placed decoded = null;
            Map<String, LatencySample> samples = null;
            for (Planned p : task) {
                byte[] html;
                if (p.comparison()) {
                    // The previous comparison of a chain decoded this one's older run already.
                    Map<String, LatencySample> older = decoded == p.previous() ? samples
                            : RunComparisons.samples(comparable(p.previous()));
                    samples = RunComparisons.samples(comparable(p.run()));
                    decoded = p.run();
                    html = comparisonPage(p, samples, older).getBytes(StandardCharsets.UTF_8);
                } else {
                    html = runPage(p);
                }
                write(dir.resolve(p.path()), html);
                // Pages of runs held in memory are listed too (never matching), so a later build can remove them.
                pages.put(p.path(), p.digest() == null ? "uncached" : p.digest());
                rendered.add(p.path());
            }
        });
    }

    /** Waits for the run and comparison pages; their failure (a page that cannot be written) is rethrown as it was. */
    private static void awaitRunPages(java.util.concurrent.CompletableFuture<Void> runPages) {
        try {
            runPages.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The version pages depend on besides their inputs: the renderer, InferBench, every template. */
    private String version() {
        String inferbench = SiteBuilder.class.getPackage().getImplementationVersion();
        return RENDERER_VERSION + " inferbench " + (inferbench == null ? "dev" : inferbench) + " templates "
                + renderer.templatesDigest();
    }

    /** Runs in start order with their page names (given in that order, so a full and an incremental build agree). */
    private static List<Placed> place(List<SiteInput> inputs, List<SiteRun> summaries) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> summaries.get(i).started())
                .thenComparing(i -> summaries.get(i).runId()).thenComparing(i -> inputs.get(i).key()));
        SitePaths runNames = new SitePaths();
        SitePaths scenarioNames = new SitePaths();
        Map<String, String> scenarioSlugs = new LinkedHashMap<>();
        List<Placed> placed = new ArrayList<>();
        for (int i : order) {
            SiteRun r = summaries.get(i);
            String scenarioSlug = scenarioSlugs.computeIfAbsent(r.scenario(), scenarioNames::unique);
            placed.add(new Placed(inputs.get(i), r, runNames.unique(r.runId()), scenarioSlug));
        }
        return placed;
    }

    private List<Planned> plan(Map<String, List<Placed>> byScenario, String version) {
        List<Planned> plan = new ArrayList<>();
        for (List<Placed> series : byScenario.values()) {
            for (int i = 0; i < series.size(); i++) {
                Placed p = series.get(i);
                Placed prev = i == 0 ? null : series.get(i - 1);
                String comparison = prev == null ? null : comparisonSlug(p, prev);
                boolean cacheable = p.input().cacheable() && (prev == null || prev.input().cacheable());
                plan.add(new Planned("runs/" + p.slug() + ".html", cacheable ? digest(version, "run",
                        p.input().resultDigest(), p.input().gateDigest(), p.scenarioSlug(), p.run().scenario(),
                        comparison) : null, p, prev, false));
                if (prev != null) {
                    plan.add(new Planned("compare/" + comparison + ".html", cacheable ? digest(version, "compare",
                            p.input().resultDigest(), prev.input().resultDigest(), p.slug(), prev.slug(),
                            p.scenarioSlug(), p.run().scenario()) : null, p, prev, true));
                }
            }
        }
        return plan;
    }

    /**
     * The pages to render as units of work for the cores: each run page alone, comparison pages in
     * chains of up to {@value #CHAIN} consecutive runs of a scenario, so each run's histograms are
     * decoded about once rather than once for each of its two comparisons.
     */
    private static List<List<Planned>> tasks(List<Planned> toRender) {
        List<List<Planned>> tasks = new ArrayList<>();
        List<Planned> chain = null;
        for (Planned p : toRender) {
            if (!p.comparison()) {
                tasks.add(List.of(p));
            } else if (chain != null && chain.size() < CHAIN && chain.get(chain.size() - 1).run() == p.previous()) {
                chain.add(p);
            } else {
                chain = new ArrayList<>(List.of(p));
                tasks.add(chain);
            }
        }
        return tasks;
    }

    private byte[] runPage(Planned p) {
        Placed r = p.run();
        SiteNav nav = new SiteNav("../index.html", "../compare.html", "../scenarios/" + r.scenarioSlug() + ".html",
                r.run().scenario(), p.previous() == null ? null : "../compare/" + comparisonSlug(r, p.previous())
                + ".html", "run");
        GateView gate = GateView.of(r.input().gate());
        // The run's own report.html when it is current (`inferbench run` wrote it from these bytes):
        // only the nav and the gate section are added. Otherwise the report is rendered here.
        String digest = r.input().resultDigest();
        byte[] standalone = digest == null ? null : r.input().currentReport(renderer.stamp(digest));
        if (standalone == null) {
            standalone = renderer.renderStandalone(load(r), digest).getBytes(StandardCharsets.UTF_8);
        }
        byte[] page = renderer.sitePage(standalone, nav, gate);
        return page != null ? page : renderer.render(load(r), nav, gate).getBytes(StandardCharsets.UTF_8);
    }

    private String comparisonPage(Planned p, Map<String, LatencySample> samples,
                                  Map<String, LatencySample> previousSamples) {
        Placed r = p.run();
        return renderer.renderPage("site-compare", Map.of("comparison", RunComparisons.of(comparable(r), samples, r.slug(),
                comparable(p.previous()), previousSamples, p.previous().slug()), "site", new SiteNav("../index.html", "../compare.html",
                "../scenarios/" + r.scenarioSlug() + ".html", r.run().scenario(), null, "compare")), null);
    }

    /** The run's figures and histograms, without timelines: what summaries and comparisons read. */
    private static RunResult comparable(Placed p) {
        try {
            return p.input().comparable();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunResult load(Placed p) {
        try {
            return p.input().run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The history pages, the index and the chooser: from the summaries, rewritten on every build. */
    private void aggregates(Path dir, Map<String, List<Placed>> byScenario, List<Placed> placed,
                            Map<String, String> pages) {
        Map<String, ScenarioHistory> histories = new LinkedHashMap<>();
        List<SiteIndexView.ScenarioRow> scenarioRows = new ArrayList<>();
        // Every page below is independent of the others once the changes are detected: they are
        // written as one batch on the cores (a year's median page alone is as big as the rest).
        List<Runnable> writes = new ArrayList<>();
        for (Map.Entry<String, List<Placed>> e : byScenario.entrySet()) {
            List<Placed> series = e.getValue();
            String slug = series.get(0).scenarioSlug();
            ScenarioHistory history = new ScenarioHistory(e.getKey(), series.stream().map(Placed::run).toList(),
                    series.stream().map(p -> "runs/" + p.slug() + ".html").toList(), changePoints);
            histories.put(e.getKey(), history);
            for (HistoryMetric m : history.metrics()) {
                writes.add(() -> {
                    String path = "scenarios/" + m.folder() + slug + ".html";
                    String root = m.folder().isEmpty() ? "../" : "../../";
                    write(dir.resolve(path), renderer.renderPage("site-scenario", Map.of("history",
                            history.view(m, slug), "site", new SiteNav(root + "index.html", root + "compare.html",
                                    null, e.getKey(), null, "scenario")), null));
                    pages.put(path, "history");
                });
            }
            scenarioRows.add(new SiteIndexView.ScenarioRow("scenarios/" + slug + ".html", e.getKey(), series.size(),
                    Formats.instant(series.get(series.size() - 1).run().startedAt()), history.changeCount()));
        }
        List<SiteIndexView.ScenarioRow> scenarios = new ArrayList<>(scenarioRows);
        scenarios.sort(Comparator.comparing(SiteIndexView.ScenarioRow::name));

        List<SiteIndexView.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Placed>> e : byScenario.entrySet()) {
            List<Placed> series = e.getValue();
            ScenarioHistory history = histories.get(e.getKey());
            for (int i = 0; i < series.size(); i++) {
                Placed p = series.get(i);
                rows.add(SitePages.indexRow(p.run(), p.slug(), p.scenarioSlug(), i == 0 ? null
                        : comparisonSlug(p, series.get(i - 1)), history.changesAt(i), history.environmentChangedAt(i)));
            }
        }
        rows.sort(Comparator.comparing(SiteIndexView.Row::sortKey).reversed());
        String script = renderer.asset("site.js");
        writes.add(() -> write(dir.resolve("index.html"), renderer.renderPage("site-index", Map.of("index",
                new SiteIndexView("InferBench runs", Formats.instant(Instant.now()), rows, scenarios), "site",
                new SiteNav("index.html", "compare.html", null, null, null, "index")), script)));
        writes.add(() -> write(dir.resolve("compare.html"), renderer.renderPage("site-chooser", Map.of("site",
                new SiteNav("index.html", "compare.html", null, null, null, "chooser"), "data",
                SitePages.chooserData(placed.stream().map(Placed::run).toList(),
                        placed.stream().map(Placed::slug).toList())), script)));
        writes.parallelStream().forEach(Runnable::run);
    }

    /** Deletes the pages the earlier build listed that this one did not write or keep; only generated names. */
    private static int removeStale(Path dir, SiteManifest old, Map<String, String> pages) throws IOException {
        int removed = 0;
        for (String path : old.pages().keySet()) {
            if (!pages.containsKey(path) && GENERATED.matcher(path).matches()
                    && Files.deleteIfExists(dir.resolve(path))) {
                removed++;
            }
        }
        return removed;
    }

    private static String digest(String... parts) {
        return SiteInput.sha256(String.join("\u0000", java.util.Arrays.stream(parts).map(String::valueOf).toList())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String comparisonSlug(Placed p, Placed prev) {
        return p.slug() + "--vs--" + prev.slug();
    }

    private static void write(Path file, String html) {
        write(file, html.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] html) {
        try {
            ResultJson.writeAtomically(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
