package io.inferbench.cli;

import io.inferbench.jmh.JmhScenarioRunner;
import io.inferbench.jmh.JmhSettings;
import io.inferbench.load.LoadProfile;
import io.inferbench.report.ReportRenderer;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.Backends;
import io.inferbench.run.PreparedConfiguration;
import io.inferbench.scenario.Durations;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inferbench jmh SCENARIO}: each configuration's steady-state cost per call, measured by JMH
 * in forked JVMs, written as an ordinary result and report.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = {"Measures each configuration's steady-state cost per inference call with JMH: forked JVMs, "
                + "warmup and measured iterations, AverageTime (the mean and its 95%% confidence interval) and "
                + "SampleTime (percentiles). One thread calls back to back; the scenario's load and run sections "
                + "do not apply. Writes OUT/<run-id>-jmh/result.json after each configuration and report.html "
                + "at the end."})
final class JmhCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @Option(names = "--config", paramLabel = "ID", split = ",",
            description = "only these configurations (ids such as c01; repeat or separate with commas; default: all)")
    List<String> configs = new ArrayList<>();

    @Option(names = {"-f", "--forks"}, paramLabel = "N", defaultValue = "2",
            description = "fresh JVMs per configuration and mode (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(names = {"-wi", "--warmup-iterations"}, paramLabel = "N", defaultValue = "3",
            description = "warmup iterations per fork (default: ${DEFAULT-VALUE})")
    int warmupIterations;

    @Option(names = {"-i", "--iterations"}, paramLabel = "N", defaultValue = "5",
            description = "measured iterations per fork (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = {"-w", "--warmup-time"}, paramLabel = "TIME", defaultValue = "1s",
            description = "length of a warmup iteration, e.g. 500ms (default: ${DEFAULT-VALUE})")
    String warmupTime;

    @Option(names = {"-r", "--time"}, paramLabel = "TIME", defaultValue = "2s",
            description = "length of a measured iteration (default: ${DEFAULT-VALUE})")
    String time;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "results",
            description = "folder for run results (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "hide JMH's own output; print one line per configuration")
    boolean quiet;

    @Option(names = "--no-report", description = "write result.json only")
    boolean noReport;

    @Option(names = "--templates", paramLabel = "DIR", description = "render the report with your own templates")
    Path templates;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        JmhSettings settings = settings();
        if (templates != null && !Files.isDirectory(templates)) {
            throw new BadInputException("--templates: not a folder: " + templates);
        }
        Backends backends = Backends.discover();
        // JMH mode measures in this JVM and JMH's forks (which inherit its flags, so they find the
        // adapter folders too): the models are described here as well.
        var loaded = ScenarioLoader.load(scenario, backends, ScenarioLoader.probe(backends, true), stdout,
                spec.commandLine().getErr());
        List<PreparedConfiguration> selected = select(loaded.configurations());
        Path runDir = out.resolve(JmhScenarioRunner.runId(loaded.scenario(), Instant.now()));
        stdout.println("inferbench jmh: " + loaded.scenario().name() + " — " + selected.size() + " configuration"
                + (selected.size() == 1 ? "" : "s") + " → " + runDir);
        for (PreparedConfiguration pc : selected) {
            if (!(pc.spec().load() instanceof LoadProfile.SingleStream)) {
                stdout.println("note: " + pc.spec().id() + ": load '" + pc.spec().load().describe()
                        + "' does not apply in jmh mode; one thread calls back to back");
            }
        }
        stdout.flush();
        RunResult result;
        try (PrintStream console = new PrintStream(new WriterStream(stdout), true, StandardCharsets.UTF_8)) {
            result = new JmhScenarioRunner(backends.byName(), ScenarioLoader.projectDir(), settings, console,
                    quiet ? VerboseMode.SILENT : VerboseMode.NORMAL).run(loaded.scenario(), selected, runDir);
        }
        stdout.println("result: " + runDir.resolve(JmhScenarioRunner.RESULT_FILE));
        if (!noReport) {
            Path html = runDir.resolve("report.html");
            (templates == null ? new ReportRenderer() : ReportRenderer.withTemplates(templates)).write(result, html);
            stdout.println("report: " + html.toAbsolutePath());
        }
        List<ConfigurationResult> failed = result.configurations().stream()
                .filter(c -> c.status() == ConfigurationStatus.FAILED).toList();
        if (!failed.isEmpty()) {
            stdout.println(failed.size() + " configuration" + (failed.size() == 1 ? "" : "s") + " failed:");
            failed.forEach(c -> stdout.println("  " + c.label() + ": " + c.outcome().reason()));
            stdout.flush();
            return Main.CONFIGURATION_FAILED;
        }
        stdout.flush();
        return Main.OK;
    }

    private JmhSettings settings() throws BadInputException {
        Duration w = duration("-w", warmupTime);
        Duration r = duration("-r", time);
        try {
            return new JmhSettings(forks, warmupIterations, iterations, w, r);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static Duration duration(String option, String text) throws BadInputException {
        return Durations.parse(text).orElseThrow(() -> new BadInputException(option + ": expected a duration such "
                + "as 500ms or 2s, got '" + text + "'"));
    }

    private List<PreparedConfiguration> select(List<PreparedConfiguration> all) throws BadInputException {
        if (configs.isEmpty()) {
            return all;
        }
        List<String> ids = all.stream().map(pc -> pc.spec().id()).toList();
        List<PreparedConfiguration> selected = new ArrayList<>();
        for (String id : configs) {
            int i = ids.indexOf(id.strip());
            if (i < 0) {
                throw new BadInputException("--config: no configuration '" + id + "' in " + scenario + "; it has "
                        + String.join(", ", ids));
            }
            if (!selected.contains(all.get(i))) {
                selected.add(all.get(i));
            }
        }
        return selected;
    }

    /** JMH writes to a {@link PrintStream}; the command's console is a writer. Decodes UTF-8 across writes. */
    static final class WriterStream extends OutputStream {
        private final PrintWriter writer;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(1024);

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (pending.remaining() < len) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + len));
                pending.flip();
                bigger.put(pending);
                pending = bigger;
            }
            pending.put(b, off, len);
            if (pending.position() > 0 && pending.get(pending.position() - 1) == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            pending.flip();
            CharBuffer chars = CharBuffer.allocate(pending.remaining());
            decoder.decode(pending, chars, false); // an incomplete character stays pending
            pending.compact();
            chars.flip();
            writer.append(chars);
            writer.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
