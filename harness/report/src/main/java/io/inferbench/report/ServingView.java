package io.inferbench.report;

import io.inferbench.result.ComparisonResult;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's "Served vs in-process" section: each configuration measured through a model server
 * (its session recorded a {@code protocol} and the client's timings) beside the in-process
 * configuration it names as its baseline — both medians, the overhead as a difference in ms with its
 * bootstrap interval and as a ratio — then where a request's time went: the client's serialize /
 * wait / deserialize and the server's queue and compute, as the session recorded them. Empty (no
 * section) when nothing was served.
 *
 * @param rows one per served configuration, in run order
 */
record ServingView(List<Row> rows) {
    /**
     * @param label       the served configuration
     * @param id          its id
     * @param protocol    e.g. {@code v2 REST, binary tensors}
     * @param baseline    the in-process configuration compared with, or missing
     * @param baselineId  its id, or null
     * @param servedP50   the served median, e.g. {@code 11.9 ms}
     * @param baselineP50 the baseline's median
     * @param overhead    served − baseline median, e.g. {@code +8.52 ms}
     * @param overheadCi  its 95% interval, e.g. {@code 8.31–8.77}, or null
     * @param ratio       served / baseline median, e.g. {@code 3.51×}
     * @param client      the client's time: serialize (outside the timed region) / wait / deserialize
     * @param server      the server's time as it reports it: queue / compute input / infer / output
     */
    record Row(String label, String id, String protocol, String baseline, String baselineId, String servedP50,
               String baselineP50, String overhead, String overheadCi, String ratio, String client, String server) {
    }

    static ServingView of(RunResult run) {
        List<Row> rows = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            Map<String, String> p = c.session() == null ? Map.of() : c.session().properties();
            if (!p.containsKey("protocol") || !p.containsKey("client-requests")) {
                continue;
            }
            rows.add(row(run, c, p));
        }
        return new ServingView(List.copyOf(rows));
    }

    boolean any() {
        return !rows.isEmpty();
    }

    private static Row row(RunResult run, ConfigurationResult c, Map<String, String> p) {
        ComparisonResult x = run.summary().comparisons().stream()
                .filter(k -> k.candidateId().equals(c.id())).findFirst().orElse(null);
        ConfigurationResult base = x == null ? null : run.configurations().stream()
                .filter(b -> b.id().equals(x.baselineId())).findFirst().orElse(null);
        String overhead = Formats.MISSING;
        String overheadCi = null;
        String ratio = Formats.MISSING;
        if (x != null) {
            if (Double.isFinite(x.differenceMs())) {
                overhead = (x.differenceMs() >= 0 ? "+" : "") + Formats.ms(x.differenceMs()) + " ms";
                overheadCi = Formats.range(x.differenceCi95Ms());
            }
            ratio = Formats.decimal(x.ratio(), 2) + "×";
        }
        return new Row(c.label(), c.id(), p.get("protocol"), base == null ? Formats.MISSING : base.label(),
                base == null ? null : base.id(), p50(c), base == null ? Formats.MISSING : p50(base), overhead,
                overheadCi, ratio, parts(p, "client-", "serialize", "wait", "deserialize"),
                parts(p, "server-", "queue", "compute-input", "compute-infer", "compute-output"));
    }

    private static String p50(ConfigurationResult c) {
        return c.measurement() == null || c.measurement().latency() == null ? Formats.MISSING
                : Formats.ms(c.measurement().latency().valueMs(50)) + " ms";
    }

    /** {@code 0.41 / 12.4 / 0.52 ms} from the {@code PREFIX-PART-ms-mean} properties; missing when none is there. */
    private static String parts(Map<String, String> p, String prefix, String... parts) {
        List<String> values = new ArrayList<>();
        boolean any = false;
        for (String part : parts) {
            String v = p.get(prefix + part + "-ms-mean");
            double ms = parse(v);
            any |= Double.isFinite(ms);
            values.add(Formats.ms(ms));
        }
        return any ? String.join(" / ", values) + " ms" : Formats.MISSING;
    }

    private static double parse(String v) {
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
