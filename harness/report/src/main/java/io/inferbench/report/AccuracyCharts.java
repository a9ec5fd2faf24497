package io.inferbench.report;

import io.inferbench.result.AgreementResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.api.Interval;
import io.inferbench.result.RunResult;
import io.inferbench.stats.ProportionIntervals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accuracy-vs-latency figures of a run. First one per accuracy task (the scenario's
 * {@code accuracy:} block) that scored at least two configurations: each configuration's main metric
 * with its confidence interval against its median latency. Then one per reference configuration of
 * the output agreement: top-1 agreement with the reference where the output is a score vector (with
 * a Wilson 95% interval over the compared samples), else the mean cosine similarity (no interval).
 */
final class AccuracyCharts {
    private AccuracyCharts() {
    }

    static List<ReportView.Figure> of(RunResult run, Map<String, String> colours) {
        Map<String, ConfigurationResult> byId = new LinkedHashMap<>();
        run.configurations().forEach(c -> byId.put(c.id(), c));
        Map<String, List<AgreementResult>> byReference = new LinkedHashMap<>();
        for (AgreementResult a : run.summary().agreements()) {
            if (byId.containsKey(a.candidateId()) && byId.containsKey(a.referenceId())) {
                byReference.computeIfAbsent(a.referenceId(), k -> new ArrayList<>()).add(a);
            }
        }
        List<ReportView.Figure> figures = new ArrayList<>(taskFigures(run, colours));
        for (Map.Entry<String, List<AgreementResult>> group : byReference.entrySet()) {
            ConfigurationResult reference = byId.get(group.getKey());
            boolean top1 = group.getValue().stream().allMatch(a -> Double.isFinite(a.top1Agreement()));
            List<SvgAccuracyChart.Point> points = new ArrayList<>();
            points.add(new SvgAccuracyChart.Point(ConfigurationView.label(reference), colour(colours, reference),
                    p50(reference), 1.0, null, false, true));
            for (AgreementResult a : group.getValue()) {
                ConfigurationResult c = byId.get(a.candidateId());
                double value = top1 ? a.top1Agreement() : a.meanCosine();
                Interval ci = top1 ? wilson(a.top1Agreement(), a.samples()) : null;
                points.add(new SvgAccuracyChart.Point(ConfigurationView.label(c), colour(colours, c), p50(c), value, ci,
                        false, false));
            }
            points = SvgAccuracyChart.withFront(points);
            String metric = top1 ? "Top-1 agreement with the reference" : "Mean cosine similarity to the reference";
            String svg = SvgAccuracyChart.render(metric + " against median latency, per configuration compared with "
                    + ConfigurationView.label(reference), top1 ? "Top-1 agreement" : "Cosine similarity", points);
            long front = points.stream().filter(SvgAccuracyChart.Point::onFront).count();
            String caption = metric + " (the reference scores 1 by definition) against median latency (p50). "
                    + (top1 ? "Whiskers: Wilson 95% interval over the " + group.getValue().get(0).samples()
                    + " compared samples. " : "Cosine has no interval here. ")
                    + front + " of " + points.size() + " on the Pareto front (filled diamonds). "
                    + "The output agreement table and the configuration table give the same figures as text.";
            figures.add(new ReportView.Figure("Compared with " + ConfigurationView.label(reference),
                    colours.get(reference.id()), svg, caption));
        }
        return figures;
    }

    /** One figure per task that scored two or more configurations, in the order the tasks first appear. */
    static List<ReportView.Figure> taskFigures(RunResult run, Map<String, String> colours) {
        Map<String, List<SvgAccuracyChart.Point>> byTask = new LinkedHashMap<>();
        Map<String, String> metricOf = new LinkedHashMap<>();
        Map<String, Integer> itemsOf = new LinkedHashMap<>();
        for (ConfigurationResult c : run.configurations()) {
            for (io.inferbench.result.AccuracyResult a : c.accuracy()) {
                io.inferbench.api.accuracy.AccuracyMetric m = a.main();
                double latency = p50(c);
                if (m == null || !Double.isFinite(m.value()) || !Double.isFinite(latency)) {
                    continue;
                }
                boolean reference = run.summary().accuracyDrops().stream()
                        .anyMatch(d -> d.task().equals(a.task()) && d.referenceId().equals(c.id()));
                Interval ci = m.interval() == null || !Double.isFinite(m.interval().low()) ? null : m.interval();
                byTask.computeIfAbsent(a.task(), k -> new ArrayList<>()).add(new SvgAccuracyChart.Point(
                        ConfigurationView.label(c), colour(colours, c), latency, m.value(), ci, false, reference));
                metricOf.putIfAbsent(a.task(), a.evaluator() + " " + m.name());
                itemsOf.putIfAbsent(a.task(), m.sampleSize());
            }
        }
        List<ReportView.Figure> figures = new ArrayList<>();
        byTask.forEach((task, raw) -> {
            if (raw.size() < 2) {
                return;
            }
            List<SvgAccuracyChart.Point> points = SvgAccuracyChart.withFront(raw);
            String metric = metricOf.get(task);
            String svg = SvgAccuracyChart.render("Task " + task + ": " + metric + " against median latency",
                    task + " (" + metric + ")", points);
            long front = points.stream().filter(SvgAccuracyChart.Point::onFront).count();
            String caption = "Task " + task + ": " + metric + " of each configuration (whiskers: its confidence "
                    + "interval over " + itemsOf.get(task) + " items) against median latency (p50). " + front + " of "
                    + points.size() + " on the Pareto front (filled diamonds). The accuracy table gives the same "
                    + "figures as text, with each configuration's drop against the reference.";
            figures.add(new ReportView.Figure("Task accuracy: " + task, null, svg, caption));
        });
        return figures;
    }

    /**
     * Wilson score 95% interval of a proportion {@code p} out of {@code n}; unbounded when n is 0. The
     * share is of rows, which can outnumber the samples, so p·n need not be whole: rounding it to whole
     * successes (as Commons Math counts them) moves p by at most 1/(2n), well inside the whisker.
     */
    static Interval wilson(double p, int n) {
        if (n <= 0 || !Double.isFinite(p)) {
            return new Interval(Double.NaN, Double.NaN, false);
        }
        return ProportionIntervals.wilson((int) Math.round(p * n), n, 0.95);
    }

    private static double p50(ConfigurationResult c) {
        return c.measurement() == null || c.measurement().latency() == null ? Double.NaN
                : c.measurement().latency().valueMs(50.0);
    }

    private static String colour(Map<String, String> colours, ConfigurationResult c) {
        String colour = colours.get(c.id());
        return colour == null ? "currentColor" : colour;
    }
}
