package io.inferbench.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The formats a run exports to: a closed set, each its own class. Each writes to a {@link Writer}
 * and never closes it; none keeps state, so one instance serves every call and thread.
 */
public sealed interface ExportFormat
        permits JunitFormat, MarkdownFormat, GithubBenchmarkFormat, BmfFormat, JmhFormat, CsvFormat, OpenMetricsFormat {
    ExportFormat JUNIT = new JunitFormat();
    ExportFormat MARKDOWN = new MarkdownFormat();
    /** github-action-benchmark's {@code customSmallerIsBetter}: latency, memory, energy. */
    ExportFormat GITHUB_BENCHMARK = GithubBenchmarkFormat.SMALLER_IS_BETTER;
    /** github-action-benchmark's {@code customBiggerIsBetter}: throughput, accuracy. */
    ExportFormat GITHUB_BENCHMARK_BIGGER = GithubBenchmarkFormat.BIGGER_IS_BETTER;
    ExportFormat BMF = new BmfFormat();
    ExportFormat JMH = new JmhFormat();
    ExportFormat CSV = new CsvFormat();
    ExportFormat OPENMETRICS = new OpenMetricsFormat();

    /** The name {@code --format} takes, e.g. {@code junit}. */
    String name();

    /** The usual file name ending, without the dot: {@code xml}, {@code md}, {@code json}. */
    String extension();

    /** Writes {@code run} in this format. */
    void write(ExportedRun run, Writer out) throws IOException;

    /** Every format, in the order the help lists them. */
    static List<ExportFormat> all() {
        return List.of(JUNIT, MARKDOWN, GITHUB_BENCHMARK, GITHUB_BENCHMARK_BIGGER, BMF, JMH, CSV, OPENMETRICS);
    }

    /** The valid names, comma-separated. */
    static String names() {
        return all().stream().map(ExportFormat::name).collect(Collectors.joining(", "));
    }

    /**
     * The format named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid names, on one line
     */
    static ExportFormat parse(String name) {
        String given = name == null ? "" : name.trim();
        return all().stream().filter(f -> f.name().equalsIgnoreCase(given)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export format '" + given + "'; expected one of: "
                        + names()));
    }
}
