package io.inferbench.load;

import java.time.Duration;
import java.util.Locale;

/**
 * How queries are issued. Two closed hierarchies that cannot be mixed (as in Gatling): closed
 * loops, where a fixed number of clients each wait for their query before issuing the next, and
 * open loops, where queries arrive on a schedule whether or not earlier ones finished; plus the
 * peak search, which runs a series of either.
 */
public sealed interface LoadProfile permits LoadProfile.Closed, LoadProfile.Open, LoadProfile.PeakSearch {

    /** Clients wait for each query; latency is from issue to completion. */
    sealed interface Closed extends LoadProfile permits SingleStream, Concurrency, MultiStream, Offline {
    }

    /** Queries arrive on a schedule; latency is from each query's scheduled time (no coordinated omission). */
    sealed interface Open extends LoadProfile permits Rate {
    }

    /** One query at a time, the next issued when the previous completes (MLPerf SingleStream). */
    record SingleStream() implements Closed {
        @Override
        public int workers() {
            return 1;
        }

        @Override
        public String describe() {
            return "single-stream";
        }
    }

    /** Closed loop: {@code clients} threads each issue a query as soon as their previous one completes. */
    record Concurrency(int clients) implements Closed {
        public Concurrency {
            positive("concurrency", clients);
        }

        @Override
        public int workers() {
            return clients;
        }

        @Override
        public String describe() {
            return "concurrency(" + clients + ")";
        }
    }

    /**
     * MLPerf MultiStream: each query carries {@code samplesPerQuery} samples, run in parallel on as
     * many workers; its latency is that of the slowest. The next query is issued when it completes.
     */
    record MultiStream(int samplesPerQuery) implements Closed {
        public MultiStream {
            positive("samples-per-query", samplesPerQuery);
        }

        @Override
        public int workers() {
            return samplesPerQuery;
        }

        @Override
        public String describe() {
            return "multi-stream(" + samplesPerQuery + ")";
        }
    }

    /**
     * MLPerf Offline: every query is available at once; {@code workers} take them as fast as they
     * can. The figure of merit is samples per second; recorded latency is each query's service time.
     */
    record Offline(int workers) implements Closed {
        public Offline {
            positive("workers", workers);
        }

        @Override
        public String describe() {
            return "offline(" + workers + " workers)";
        }
    }

    /** How an open loop spaces arrivals. */
    enum Arrival {
        /** Evenly spaced. */
        CONSTANT,
        /** Exponential inter-arrival times (a Poisson process), from a seeded generator. */
        POISSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Open loop at a target rate; optionally a linear ramp to {@code rampToQps} over the
     * measurement's minimum duration.
     *
     * @param qps           target queries per second (the ramp's start)
     * @param rampToQps     the ramp's end rate, or NaN for a constant target
     * @param arrival       constant or Poisson spacing
     * @param seed          seed of the Poisson schedule (same seed, same schedule)
     * @param workers       inference workers serving the queue (model instances)
     * @param maxInFlight   cap on queued plus running queries; hitting it marks the run overloaded and stops it
     * @param lateThreshold a query handed off later than this after its scheduled time counts as late
     */
    record Rate(double qps, double rampToQps, Arrival arrival, long seed, int workers, int maxInFlight,
                Duration lateThreshold) implements Open {
        public Rate {
            if (!(qps > 0) || Double.isInfinite(qps)) {
                throw new IllegalArgumentException("rate must be > 0 queries/s, got " + qps);
            }
            if (!Double.isNaN(rampToQps) && !(rampToQps > 0)) {
                throw new IllegalArgumentException("ramp end rate must be > 0 queries/s, got " + rampToQps);
            }
            positive("workers", workers);
            positive("max-in-flight", maxInFlight);
        }

        public boolean ramps() {
            return !Double.isNaN(rampToQps);
        }

        @Override
        public String describe() {
            String r = ramps() ? fmt(qps) + "→" + fmt(rampToQps) : fmt(qps);
            return "rate(" + r + " q/s " + arrival.id() + ")";
        }
    }

    /** What a peak search varies. */
    enum Searched {
        RATE, CONCURRENCY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The highest load whose {@code percentile} latency stays within {@code slo}: bracketing (double
     * the load from {@code start} until the SLO breaks or {@code max} is reached), then binary search
     * until the bracket is narrower than {@code precision} (relative). MLPerf's FindPeakPerformance,
     * perf_analyzer's {@code --latency-threshold}.
     *
     * @param searched    rate or concurrency
     * @param percentile  latency percentile held to the SLO, e.g. 99
     * @param slo         the latency objective
     * @param start       first load tried
     * @param max         highest load tried
     * @param precision   stop when (bad - good) / good is below this, e.g. 0.05
     * @param maxProbes   cap on probes
     * @param template    the rate profile probes use (its qps is replaced); null when searching concurrency
     */
    record PeakSearch(Searched searched, double percentile, Duration slo, double start, double max, double precision,
                      int maxProbes, Rate template) implements LoadProfile {
        public PeakSearch {
            if (!(percentile > 0 && percentile < 100)) {
                throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
            }
            if (slo.isZero() || slo.isNegative()) {
                throw new IllegalArgumentException("slo must be > 0");
            }
            if (!(start > 0) || !(max >= start)) {
                throw new IllegalArgumentException("need 0 < start <= max, got start " + start + ", max " + max);
            }
            if (!(precision > 0 && precision < 1)) {
                throw new IllegalArgumentException("precision must be between 0 and 1, got " + precision);
            }
            positive("max-probes", maxProbes);
            if ((searched == Searched.RATE) != (template != null)) {
                throw new IllegalArgumentException("a rate search needs a rate template, a concurrency search none");
            }
        }

        /** The profile of one probe at {@code load}. */
        public LoadProfile probe(double load) {
            return searched == Searched.RATE
                    ? new Rate(load, Double.NaN, template.arrival(), template.seed(), template.workers(),
                    template.maxInFlight(), template.lateThreshold())
                    : new Concurrency((int) Math.round(load));
        }

        @Override
        public int workers() {
            return searched == Searched.RATE ? template.workers() : (int) Math.round(max);
        }

        @Override
        public String describe() {
            return "peak-search(" + searched.id() + ", p" + fmt(percentile) + " ≤ " + slo.toMillis() + " ms)";
        }
    }

    /** Most worker threads (and backend runners) the profile needs at once. */
    int workers();

    /** Short label for tables, e.g. {@code concurrency(4)}. */
    String describe();

    private static void positive(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + v);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
