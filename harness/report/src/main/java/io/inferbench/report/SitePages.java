package io.inferbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inferbench.result.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The site's index rows and the chooser's data, from run summaries alone. */
final class SitePages {
    private SitePages() {
    }

    /**
     * One run's row of the index.
     *
     * @param slug         its page's name under {@code runs/}
     * @param scenarioSlug its scenario's history page's name under {@code scenarios/}
     * @param previous     the comparison page (under {@code compare/}) with the previous run, or null
     */
    static SiteIndexView.Row indexRow(SiteRun r, String slug, String scenarioSlug, String previous, int changes,
                                      boolean environmentChanged) {
        SiteRun.Gate g = r.gate();
        String gateClass = switch (g.state()) {
            case "passed" -> "valid";
            case "failed" -> "failed";
            case "unreadable" -> "invalid";
            default -> "skipped";
        };
        int gateOrder = switch (g.state()) {
            case "failed" -> -g.regressions();
            case "unreadable" -> 1;
            case "passed" -> 2;
            default -> 3;
        };
        int valid = r.count("VALID");
        int failed = r.count("FAILED");
        int skipped = r.count("SKIPPED");
        int invalid = r.configurations().size() - valid - failed - skipped;
        return new SiteIndexView.Row("runs/" + slug + ".html", r.runId(), Formats.instant(r.startedAt()),
                r.started() + " " + slug, r.scenario(), "scenarios/" + scenarioSlug + ".html", r.machine(),
                r.configurations().size(), valid, invalid, failed, skipped, r.recommended(),
                previous == null ? null : "compare/" + previous + ".html", changes, environmentChanged, g.text(),
                gateClass, gateOrder);
    }

    /**
     * The chooser's data: per run (newest first), per configuration, the summary figures a browser
     * needs to compare any two (median and p99 with their CIs, throughput, status). JSON, escaped for
     * a {@code <script type="application/json">} block: no {@code <}, {@code >} or {@code &} survive.
     *
     * @param slugs each run's page name under {@code runs/}, in the order of {@code runs}
     */
    static String chooserData(List<SiteRun> runs, List<String> slugs) {
        ArrayNode array = ResultJson.mapper().createArrayNode();
        for (int i = runs.size() - 1; i >= 0; i--) {
            SiteRun r = runs.get(i);
            ObjectNode run = array.addObject();
            run.put("id", r.runId());
            run.put("href", "runs/" + slugs.get(i) + ".html");
            run.put("started", Formats.instant(r.startedAt()));
            run.put("scenario", r.scenario());
            ArrayNode configs = run.putArray("configurations");
            for (SiteRun.Config c : r.configurations()) {
                ObjectNode o = configs.addObject();
                o.put("label", c.label());
                o.put("status", c.status());
                if (c.measured()) {
                    putStat(o, "p50", c.p50());
                    putStat(o, "p99", c.p99());
                    o.put("qps", round(c.qps() == null ? Double.NaN : c.qps()));
                }
            }
        }
        String json;
        try {
            json = ResultJson.mapper().writer().writeValueAsString(array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static void putStat(ObjectNode o, String key, SiteRun.Stat s) {
        if (s == null || !Double.isFinite(s.value())) {
            return;
        }
        ArrayNode a = o.putArray(key);
        a.add(round(s.value()));
        if (s.low() != null && s.high() != null) {
            a.add(round(s.low())).add(round(s.high()));
        }
    }

    private static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return 0;
        }
        double scale = Math.pow(10, 4 - Math.ceil(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}
