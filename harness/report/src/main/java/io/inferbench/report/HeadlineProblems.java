package io.inferbench.report;

import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.OpenLoopStats;
import io.inferbench.result.PeakSearchResult;
import io.inferbench.result.PhaseResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The problem lines of the headline: one per configuration that failed, was skipped or is invalid,
 * and one per thing a reader must know before trusting a figure — an overloaded open loop, an
 * unstable measurement, a peak search that found no load meeting its objective, failed queries, a
 * machine another process kept busy while the load ran (the noise guard).
 *
 * <p>An overloaded or unstable measurement is also INVALID, and its verdict says so in a sentence;
 * that sentence is moved to the dedicated line (which has the figures) rather than said twice.
 */
final class HeadlineProblems {
    private static final String OVERLOADED = "overloaded:";
    private static final String UNSTABLE = "unstable:";

    private HeadlineProblems() {
    }

    /** The problem lines of {@code configs}, in matrix order. */
    static List<Headline.Problem> of(List<ConfigurationResult> configs) {
        List<Headline.Problem> problems = new ArrayList<>();
        for (ConfigurationResult c : configs) {
            String label = ConfigurationView.label(c);
            boolean ok = c.status() == ConfigurationStatus.OK;
            boolean overloaded = ok && ConfigurationView.overloaded(c);
            StabilityView stability = ok ? StabilityView.of(c.measurement(), c.phases().forks()) : null;
            boolean unstable = stability != null && stability.statusClass().equals("unstable");
            boolean invalid = ok && c.verdict() != null && !c.verdict().valid();
            List<String> rest = !invalid ? List.of() : c.verdict().reasons().stream()
                    .filter(r -> !(overloaded && r.startsWith(OVERLOADED)) && !(unstable && r.startsWith(UNSTABLE)))
                    .toList();
            boolean invalidLine = invalid && (!rest.isEmpty() || c.verdict().reasons().isEmpty());
            // Say INVALID once: on its own line when other rules were broken too, else on the dedicated line.
            String verdictNote = invalid && !invalidLine ? " The measurement is INVALID." : "";
            if (overloaded) {
                add(problems, label, "OVERLOADED", overload(c) + verdictNote);
            }
            if (unstable) {
                add(problems, label, "UNSTABLE", "still changing at the end of the measurement: "
                        + String.join("; ", stability.failures()) + "." + (overloaded ? "" : verdictNote));
            }
            if (invalidLine) {
                add(problems, label, "INVALID", rest.isEmpty() ? "no reason recorded" : String.join("; ", rest));
            } else if (!invalid) {
                String reason = ConfigurationView.reason(c);
                if (reason != null) {
                    add(problems, label, ConfigurationView.status(c), Formats.firstLine(reason));
                }
            }
            PeakSearchResult peak = c.phases().peak();
            if (ok && peak != null && !PeakView.found(peak)) {
                add(problems, label, "NO PEAK", noPeak(peak));
            }
            String busy = ok ? MachineRows.busy(c) : null;
            if (busy != null) {
                add(problems, label, "BUSY", busy);
            }
            PhaseResult m = c.measurement();
            if (ok && m != null && m.errors() > 0) {
                add(problems, label, "ERRORS", Formats.count(m.errors()) + " of " + Formats.count(m.queries())
                        + " measured queries failed"
                        + (m.firstError() == null ? "" : "; first: " + Formats.firstLine(m.firstError())));
            }
        }
        return problems;
    }

    private static void add(List<Headline.Problem> problems, String label, String status, String reason) {
        problems.add(new Headline.Problem(label, status, ConfigurationView.cssClass(status), reason));
    }

    /** What overloaded means for this run, in figures: the cap, the drops, offered against completed. */
    private static String overload(ConfigurationResult c) {
        List<PhaseResult> phases = new ArrayList<>();
        phases.add(c.measurement());
        phases.addAll(c.phases().forks());
        for (int i = 0; i < phases.size(); i++) {
            PhaseResult p = phases.get(i);
            if (p != null && p.openLoop() != null && p.openLoop().overloaded()) {
                OpenLoopStats o = p.openLoop();
                return (i == 0 ? "" : "fork " + i + ": ") + "the system could not keep up with the rate; more than "
                        + Formats.count(o.maxInFlight()) + " queries were in flight and " + Formats.count(o.dropped())
                        + " were dropped (offered " + Formats.rate(o.offeredQps()) + " q/s, completed "
                        + Formats.rate(p.throughputQps()) + " q/s).";
            }
        }
        return "the system could not keep up with the rate.";
    }

    private static String noPeak(PeakSearchResult p) {
        String objective = Formats.objective(p.percentile(), p.sloMs());
        PeakSearchResult.Probe lowest = p.probes().stream()
                .min((a, b) -> Double.compare(a.load(), b.load())).orElse(null);
        return "no " + ("concurrency".equals(p.searched()) ? "concurrency" : "rate") + " met " + objective
                + (lowest == null ? " (no probe ran)." : "; the lowest tried, " + Formats.load(p.searched(), lowest.load())
                + ", gave " + Formats.ms(lowest.latencyMs()) + " ms.");
    }
}
