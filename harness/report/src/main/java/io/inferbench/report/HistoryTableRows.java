package io.inferbench.report;

import java.util.List;

/**
 * The rows of a history page's run-by-run table as HTML, written here rather than by the template:
 * a year of nights is 7,300 rows of nine cells per page, and Thymeleaf's per-attribute processing
 * made them most of an incremental site build's time. The markup is what {@code site-scenario.html}
 * would write, each value escaped with {@link Svg#escape} (text and attribute safe), so the page
 * looks and reads the same.
 */
final class HistoryTableRows {
    private HistoryTableRows() {
    }

    /** The {@code <tr>} elements of {@code rows}, with the accuracy column when {@code hasAccuracy}. */
    static String html(List<ScenarioHistoryView.Row> rows, boolean hasAccuracy) {
        StringBuilder b = new StringBuilder(rows.size() * 420);
        for (ScenarioHistoryView.Row r : rows) {
            b.append("<tr><td>").append(Svg.escape(r.started())).append("</td>");
            b.append("<td class=\"label\"><a href=\"").append(Svg.escape(r.href())).append("\">")
                    .append(Svg.escape(r.runId())).append("</a></td>");
            b.append("<td class=\"mono\">").append(Svg.escape(r.machine())).append("</td>");
            b.append("<td><span class=\"badge ").append(Svg.escape(r.statusClass())).append("\">")
                    .append(Svg.escape(r.status())).append("</span></td>");
            b.append("<td class=\"num\"><span>").append(Svg.escape(r.p50())).append("</span>");
            if (r.p50Ci() != null) {
                b.append("<span class=\"ci\">").append(Svg.escape(r.p50Ci())).append("</span>");
            }
            b.append("</td><td class=\"num\">").append(Svg.escape(r.p99())).append("</td>");
            b.append("<td class=\"num\">").append(Svg.escape(r.qps())).append("</td>");
            if (hasAccuracy) {
                b.append("<td class=\"num\">").append(Svg.escape(r.accuracy())).append("</td>");
            }
            b.append("<td>");
            if (r.change() != null) {
                b.append("<strong>").append(Svg.escape(r.change())).append("</strong>");
            }
            if (r.environment() != null) {
                b.append("<span class=\"ci\">").append(Svg.escape(r.environment())).append("</span>");
            }
            b.append("</td></tr>\n");
        }
        return b.toString();
    }
}
