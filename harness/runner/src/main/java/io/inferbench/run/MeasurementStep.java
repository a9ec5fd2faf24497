package io.inferbench.run;

import io.inferbench.load.LoadGenerator;
import io.inferbench.load.LoadPlan;
import io.inferbench.load.LoadProfile;
import io.inferbench.load.LoadResult;
import io.inferbench.load.PeakSearcher;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.LengthLatency;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.Verdict;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.RunSpec;
import io.inferbench.stats.Stability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The measure step of a configuration's run: the load generator's warmup and measurement (or a
 * peak search's probes) on a prepared system under test, summarised into phases with a verdict.
 * The timed regions are the load generator's own; nothing here runs inside them.
 */
final class MeasurementStep {
    private final LoadGenerator generator;

    MeasurementStep(LoadGenerator generator) {
        this.generator = generator;
    }

    /**
     * What the measurement produced.
     *
     * @param phases  warmup, measurement and any peak search
     * @param outcome OK with its verdict, or FAILED when every measured query failed and the load aborted
     * @param traces  each load run's query trace ({@code run.trace}), in order; empty without one
     */
    record Measured(PhasesResult phases, ConfigurationOutcome outcome, List<TracePiece.Segment> traces) {
        Measured {
            traces = List.copyOf(traces);
        }
    }

    /** The load plan of {@code c}: its profile (a peak search's first probe), run rules and stability rule. */
    static LoadPlan loadPlan(ConfigurationSpec c, Duration interval) {
        RunSpec r = c.run();
        return new LoadPlan(c.load() instanceof LoadProfile.PeakSearch ps ? ps.probe(ps.start()) : c.load(),
                r.warmup(), r.minDuration(), r.minQueries(), r.maxDuration(), interval, c.batching(),
                r.stability() != null && r.stability().warmupUntilStable()
                        ? intervals -> Stability.isStable(intervals, r.stability().windows(),
                        r.stability().tolerancePercent(), r.stability().percentile()) : null, r.trace());
    }

    /** Runs {@code c}'s load on {@code sut}, marking its phases on {@code resources}' timeline. */
    Measured run(ConfigurationSpec c, LoadPlan lp, SessionSystemUnderTest sut, ResourceTracker resources,
                 RunListener listener) throws InterruptedException {
        if (c.load() instanceof LoadProfile.PeakSearch ps) {
            return peakSearch(ps, lp, sut, listener, c, resources);
        }
        Measured m = measure(c.load(), lp, sut, listener, c);
        PhaseResult measured = m.phases().measurement();
        // The measurement started where its duration says: marked afterwards, so nothing is added inside it.
        resources.markAt("measurement", System.nanoTime() - (long) (measured.durationMs() * 1e6));
        return m;
    }

    private Measured measure(LoadProfile profile, LoadPlan lp, SessionSystemUnderTest sut, RunListener listener,
                             ConfigurationSpec c) throws InterruptedException {
        LoadResult load = generator.run(lp, sut, listener);
        PhaseResult warmup = Measurements.phase(load.warmup(), load.samplesPerQuery(), profile, c.batching(), c.run());
        PhaseResult measured = Measurements.phase(load.measurement(), load.samplesPerQuery(), profile, c.batching(),
                c.run()).withByLength(sut.takeLatencyByLength());
        boolean failed = load.abortReason() != null && measured.queries() == measured.errors();
        ConfigurationOutcome outcome = failed ? new ConfigurationOutcome.Failed(load.abortReason())
                : new ConfigurationOutcome.Ok(Verdict.of(Measurements.reasons(c.run(), measured, load)));
        return new Measured(PhasesResult.once(warmup, measured, null), outcome, TracePiece.Segment.of("", load));
    }

    /** Probes one load after another; the result's measurement is the peak's probe (or the last one). */
    private Measured peakSearch(LoadProfile.PeakSearch ps, LoadPlan lp, SessionSystemUnderTest sut,
                                RunListener listener, ConfigurationSpec c, ResourceTracker resources)
            throws InterruptedException {
        // Each probe's latency by input length, in probe order, for the probe the result shows.
        List<List<LengthLatency>> byLength = new ArrayList<>();
        PeakSearcher.Outcome o = PeakSearcher.search(ps, probe -> {
            listener.step("probing " + probe.describe());
            resources.mark("probe " + probe.describe());
            LoadResult probed = generator.run(lp.with(probe), sut, listener);
            byLength.add(sut.takeLatencyByLength());
            return probed;
        });
        List<PeakSearchResult.Probe> probes = new ArrayList<>();
        List<TracePiece.Segment> traces = new ArrayList<>();
        PeakSearcher.Probe best = null;
        for (PeakSearcher.Probe p : o.probes()) {
            PhaseResult m = Measurements.phase(p.result().measurement(), p.result().samplesPerQuery(),
                    ps.probe(p.load()), c.batching(), c.run());
            probes.add(new PeakSearchResult.Probe(p.load(), p.meetsSlo(), p.percentileNanos() / 1e6, p.throughputQps(),
                    m));
            traces.addAll(TracePiece.Segment.of("probe " + ps.probe(p.load()).describe(), p.result()));
            if (p.meetsSlo() && (best == null || p.load() > best.load())) {
                best = p;
            }
        }
        PeakSearcher.Probe shown = best != null ? best : o.probes().get(o.probes().size() - 1);
        LoadProfile shownProfile = ps.probe(shown.load());
        PhaseResult warmup = Measurements.phase(shown.result().warmup(), shown.result().samplesPerQuery(),
                shownProfile, c.batching(), c.run());
        int shownIndex = 0;
        while (o.probes().get(shownIndex) != shown) {
            shownIndex++;
        }
        PhaseResult measured = Measurements.phase(shown.result().measurement(), shown.result().samplesPerQuery(),
                shownProfile, c.batching(), c.run())
                .withByLength(shownIndex < byLength.size() ? byLength.get(shownIndex) : List.of());
        List<String> reasons = new ArrayList<>();
        if (!o.found()) {
            reasons.add("SLO missed: no load met p" + fmt(ps.percentile()) + " <= " + ps.slo().toMillis() + " ms ("
                    + shown.why() + ")");
        } else {
            reasons.addAll(Measurements.reasons(c.run(), measured, shown.result()));
        }
        PeakSearchResult peak = new PeakSearchResult(ps.searched().id(), ps.percentile(), ps.slo().toNanos() / 1e6,
                o.found(), o.peak(), probes);
        return new Measured(PhasesResult.once(warmup, measured, peak), new ConfigurationOutcome.Ok(Verdict.of(reasons)),
                traces);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
