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
 * <p>Charts are inline SVG drawn in Java ({@code SvgLatencyChart}, {@code SvgBarChart}) through
 * {@code Svg}, a tiny builder that escapes every attribute value and text node; that is the only
 * markup a template inserts unescaped. The page loads nothing: no scripts, fonts or images, and
 * a Content-Security-Policy that forbids them.
 */
package io.inferbench.report;
