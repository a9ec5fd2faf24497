package io.inferbench.run;

import io.inferbench.load.LoadProfile;
import io.inferbench.load.Warmup;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.RunSpec;
import java.time.Duration;
import java.util.List;

/**
 * How long a run's measurements will take, from the run settings alone, printed before a run
 * starts so that a 15-hour plan is not a surprise: at least every fork's warmup (when it is a
 * duration) and min-duration, at most its warmup and max-duration (a peak search, each of its
 * probes). Model loading, conversion and accuracy scoring come on top.
 *
 * @param configurations how many configurations are planned
 * @param least          the shortest the measurements can take
 * @param most           the longest they can take before max-duration stops them
 */
public record RunPlan(int configurations, Duration least, Duration most) {
    /** The plan of {@code configurations}. */
    public static RunPlan of(List<ConfigurationSpec> configurations) {
        Duration least = Duration.ZERO;
        Duration most = Duration.ZERO;
        for (ConfigurationSpec c : configurations) {
            RunSpec r = c.run();
            long forks = Math.max(1, r.forks());
            long probes = c.load() instanceof LoadProfile.PeakSearch p ? p.maxProbes() : 1;
            // A warmup of N queries is bounded by max-duration, not known in advance.
            Duration warm = r.warmup() instanceof Warmup.Time t ? t.duration() : Duration.ZERO;
            Duration warmAtMost = r.warmup() instanceof Warmup.Time t ? t.duration() : r.maxDuration();
            least = least.plus(warm.plus(r.minDuration()).multipliedBy(forks));
            most = most.plus(warmAtMost.plus(r.maxDuration()).multipliedBy(forks * probes));
        }
        return new RunPlan(configurations.size(), least, most);
    }

    /** {@code 12 configurations, measuring for at least 4m 30s (at most 2h 10m), plus model loading}. */
    public String describe() {
        return configurations + " configuration" + (configurations == 1 ? "" : "s") + ", measuring for at least "
                + human(least) + (most.equals(least) ? "" : " (at most " + human(most) + ")")
                + ", plus model loading and accuracy";
    }

    /** {@code 1d 3h}, {@code 2h 5m}, {@code 4m 30s}, {@code 12s}. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        if (s >= 60) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s + "s";
    }
}
