/**
 * The single-run HTML report: one self-contained page per {@link io.inferbench.result.RunResult},
 * rendered from the result alone (it never runs anything), so old results can be re-rendered.
 *
 * <p>{@link io.inferbench.report.ReportRenderer} is the only public type. It turns a result into a
 * package-private view model ({@code ReportView}: every figure already formatted as text) and hands
 * that to the Thymeleaf templates in {@code reports-templates/} ({@code report.html} and
 * {@code fragments.html}). Users may copy those templates, edit them and render with
 * {@link io.inferbench.report.ReportRenderer#withTemplates(java.nio.file.Path)}.
 *
 * <p>Per configuration, the details show what the run measured beyond latency when the result has
 * it: the open loop's schedule keeping ({@code OpenLoopView}), dynamic batching
 * ({@code BatchingView}), the stability rule ({@code StabilityView}), MLPerf early-stopping
 * estimates ({@code EarlyStoppingView}), each fork and the variation between forks
 * ({@code ForksView}), and a peak search's probes ({@code PeakView}). The headline names each peak
 * found and, in its problem lines ({@code HeadlineProblems}), every overloaded, unstable, invalid
 * or failed configuration; a failed one's whole error (a crashed fork's stderr tail) is shown
 * preformatted in its details, its first line elsewhere.
 *
 * <p>Charts are inline SVG drawn in Java ({@code SvgLatencyChart}, {@code SvgBarChart},
 * {@code SvgTradeoffChart} for throughput against latency, {@code SvgTimelineChart} for latency and
 * throughput over time) through {@code Svg}, a tiny builder that escapes every attribute value and
 * text node; that is the only markup a template inserts unescaped. The page loads nothing: no
 * scripts, fonts or images, and a Content-Security-Policy that forbids them.
 */
package io.inferbench.report;
