package io.inferbench.stats;

import io.inferbench.result.ColdStart;
import io.inferbench.result.Estimate;
import io.inferbench.result.PhaseMark;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.ResourceEstimates;
import io.inferbench.result.ResourcesResult;
import io.inferbench.result.UtilizationResult;
import io.inferbench.result.UtilizationSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Intervals for a configuration's resource and cold-start figures.
 *
 * <p>In one process, CPU, RSS and power are means over the utilization sampler's intervals: each
 * full-length interval is one observation (batch means, as for throughput; the last, shorter one is
 * left out) and the interval is Student t. Cold start happens once per process, and the peak RSS is
 * one high-water mark per process: with one run they have {@code n = 1} and no interval. Across
 * forks every figure is one value per fork and the interval is Student t over the forks: only that
 * shows the variation between JVM launches.
 */
public final class ResourceStatistics {
    static final String INTERVALS = "utilization intervals";
    static final String FORKS = "forks";
    private static final String MEASUREMENT = "measurement";

    private ResourceStatistics() {
    }

    /**
     * The figures of one run (this process or one fork).
     *
     * @param r           what the run used; its utilization may be null (then only the cold start)
     * @param measurement the measured phase (for energy per inference); may be null
     * @return null when neither utilization nor a model load was recorded
     */
    public static ResourceEstimates ofRun(ResourcesResult r, PhaseResult measurement) {
        UtilizationResult u = r.utilization();
        ColdStart s = r.coldStart();
        if (u == null && s == null && !(r.loadTimeMs() > 0)) {
            return null;
        }
        Estimate cpu = null;
        Estimate machine = null;
        Estimate rss = null;
        Estimate peak = null;
        Estimate joules = null;
        if (u != null) {
            List<UtilizationSample> full = fullLength(u);
            cpu = over(full, UtilizationSample::processCpuPercentOfOneCore);
            machine = over(full, UtilizationSample::processCpuPercentOfMachine);
            rss = over(full, x -> x.rssBytes() >= 0 ? x.rssBytes() : Double.NaN);
            peak = u.peakRssBytes() >= 0 ? Estimate.without(u.peakRssBytes(), 1, "processes",
                    "one process's high-water mark: " + Estimate.SINGLE) : null;
            joules = joulesPerInference(u, measurement);
        }
        Estimate load = s != null ? once(s.modelLoadMs()) : r.loadTimeMs() > 0 ? once(r.loadTimeMs()) : null;
        return new ResourceEstimates(1, cpu, machine, rss, peak, joules, load,
                s == null ? null : once(s.firstInferenceMs()), s == null ? null : once(s.timeToSteadyStateMs()));
    }

    /**
     * The figures across forks: one value per fork (its own mean, peak or cold start), Student t over
     * them. Forks without estimates (written by an older child) are left out.
     *
     * @param forks each fork's own estimates, in fork order; nulls allowed
     * @return null when no fork has estimates
     */
    public static ResourceEstimates acrossForks(List<ResourceEstimates> forks) {
        List<ResourceEstimates> known = forks.stream().filter(f -> f != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        return new ResourceEstimates(known.size(), across(known, ResourceEstimates::cpuPercentOfOneCore),
                across(known, ResourceEstimates::cpuPercentOfMachine), across(known, ResourceEstimates::rssBytes),
                across(known, ResourceEstimates::peakRssBytes), across(known, ResourceEstimates::joulesPerInference),
                across(known, ResourceEstimates::modelLoadMs), across(known, ResourceEstimates::firstInferenceMs),
                across(known, ResourceEstimates::timeToSteadyStateMs));
    }

    private static Estimate across(List<ResourceEstimates> forks, Function<ResourceEstimates, Estimate> figure) {
        List<Estimate> values = forks.stream().map(figure).filter(e -> e != null).toList();
        if (values.isEmpty()) {
            return null;
        }
        return Estimates.mean(values.stream().mapToDouble(Estimate::value).toArray(), FORKS);
    }

    /** Measured once: the value with {@code n = 1} and no interval (a NaN stays: "not reached"). */
    private static Estimate once(double value) {
        return Estimate.without(value, 1, "runs", Estimate.SINGLE);
    }

    private static Estimate over(List<UtilizationSample> samples, ToDoubleFunction<UtilizationSample> figure) {
        Estimate e = Estimates.mean(samples.stream().mapToDouble(figure).toArray(), INTERVALS);
        return e.n() == 0 ? null : e;
    }

    /**
     * CPU package energy per sample within the measurement, as {@link UtilizationResult#joulesPerInference}
     * computes it, with the interval of the mean package power over the measurement's sampler intervals
     * (relative width kept). The samples-per-second rate is taken as known: its own interval is usually
     * far narrower than the power's.
     */
    private static Estimate joulesPerInference(UtilizationResult u, PhaseResult measurement) {
        if (measurement == null) {
            return null;
        }
        double value = u.joulesPerInference(MEASUREMENT, measurement.samples());
        if (!Double.isFinite(value)) {
            return null;
        }
        double[] window = window(u.phases());
        List<UtilizationSample> inPhase = new ArrayList<>();
        double start = 0;
        for (UtilizationSample s : u.timeline()) {
            if (isFull(s.tSeconds() - start, u.intervalSeconds()) && start >= window[0] && s.tSeconds() <= window[1]) {
                inPhase.add(s);
            }
            start = s.tSeconds();
        }
        Estimate watts = Estimates.mean(inPhase.stream().mapToDouble(UtilizationSample::packageWatts).toArray(),
                "utilization intervals in the measurement");
        return Estimates.rescaled(watts, value);
    }

    /** The measurement phase's start and end, seconds since sampling started. */
    private static double[] window(List<PhaseMark> marks) {
        for (int i = 0; i < marks.size(); i++) {
            if (marks.get(i).phase().equals(MEASUREMENT)) {
                double to = i + 1 < marks.size() ? marks.get(i + 1).tSeconds() : Double.POSITIVE_INFINITY;
                return new double[] {marks.get(i).tSeconds(), to};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /**
     * The samples whose interval is a full one: at least half the nominal length. The sampler keeps
     * its schedule (a late sample shortens the next), so only the last interval, cut short by the
     * stop, and a catch-up after a stall are shorter.
     */
    static List<UtilizationSample> fullLength(UtilizationResult u) {
        List<UtilizationSample> out = new ArrayList<>();
        double start = 0;
        for (UtilizationSample s : u.timeline()) {
            if (isFull(s.tSeconds() - start, u.intervalSeconds())) {
                out.add(s);
            }
            start = s.tSeconds();
        }
        return out;
    }

    private static boolean isFull(double length, double nominal) {
        return length > 0 && (nominal <= 0 || length >= nominal / 2);
    }
}
