package io.inferbench.run;

import io.inferbench.api.BackendProvider;
import io.inferbench.load.LoadGenerator;
import io.inferbench.model.ModelResolver;
import io.inferbench.model.ResolvedModel;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ResultJson;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.ConfigurationSpec;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioException;
import io.inferbench.scenario.ScenarioParser;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Entry point of a child JVM: {@code java -cp CLASSPATH io.inferbench.run.ForkMain REQUEST.json}
 * (see {@link ForkRequest}). Runs one configuration once, in-process, and writes its
 * {@link ConfigurationResult} to the request's result file atomically.
 *
 * <p>Stdout carries {@link ForkEvent} lines only: {@code System.out} is pointed at stderr, so what
 * libraries print goes to the parent's log of this fork, not into the protocol. The first line on
 * stderr names this process.
 *
 * <p>Exit status: 0 when the result was written, even when the configuration FAILED inside (the
 * result says why); {@link #EXIT_USAGE}, {@link #EXIT_BAD_REQUEST} or {@link #EXIT_HARNESS_ERROR}
 * when the harness itself could not run it.
 */
public final class ForkMain {
    /** No request file given. */
    public static final int EXIT_USAGE = 64;
    /** The request or its scenario could not be read, or names no configuration of it. */
    public static final int EXIT_BAD_REQUEST = 65;
    /** Anything else that kept the result from being written. */
    public static final int EXIT_HARNESS_ERROR = 70;

    private ForkMain() {
    }

    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length != 1) {
            System.err.println("usage: java -cp CLASSPATH " + ForkMain.class.getName() + " REQUEST.json");
            System.exit(EXIT_USAGE);
        }
        System.exit(LargeStack.run("inferbench-fork", () -> run(Path.of(args[0]), protocol)));
    }

    static int run(Path requestFile, PrintStream protocol) {
        ForkRequest request;
        PreparedConfiguration pc;
        io.inferbench.scenario.AccuracySpec accuracy;
        io.inferbench.scenario.AgreementSpec agreement;
        System.err.println("inferbench fork: pid " + ProcessHandle.current().pid() + ", java " + Runtime.version());
        // The core plus this configuration's adapter only: the log says so, for anyone checking.
        System.err.println("inferbench fork: class path " + System.getProperty("java.class.path"));
        Backends backends = Backends.discover();
        try {
            request = ForkRequest.read(requestFile);
            System.err.println("inferbench fork: configuration " + request.configurationId() + " ("
                    + request.configurationLabel() + "), fork " + request.fork() + " of " + request.forks());
            if (request.exitWithParent()) {
                exitWhenStdinCloses();
            }
            backends.problems().forEach(p -> System.err.println("warning: " + p));
            Scenario all = parse(request, backends.byName());
            pc = prepare(all, request, backends.byName());
            // Accuracy once per configuration, not per fork: the first fork scores it.
            accuracy = request.fork() == 1 ? all.accuracy() : null;
            agreement = io.inferbench.scenario.AccuracySpec.agreementOf(all.accuracy());
        } catch (ScenarioException e) {
            System.err.println("inferbench fork: the scenario is invalid in the child JVM:");
            e.problems().forEach(p -> System.err.println("  " + p.format()));
            return EXIT_BAD_REQUEST;
        } catch (IOException | RuntimeException e) {
            System.err.println("inferbench fork: cannot run " + requestFile + ": " + e);
            e.printStackTrace();
            return EXIT_BAD_REQUEST;
        }
        RunListener listener = new RunListener() {
            @Override
            public void step(String what) {
                protocol.println(ForkEvent.step(what).toLine());
            }

            @Override
            public void onProgress(Progress progress) {
                protocol.println(ForkEvent.progress(progress).toLine());
            }
        };
        try {
            ConfigurationResult result = new ConfigurationRunner(backends.byName(), new LoadGenerator(),
                    request.interval()).withAccuracy(accuracy).withOutputCapture(request.outputsDir(), agreement)
                    .withTrace(request.traceDir(), request.fork()).execute(pc, listener);
            ResultJson.writeAtomically(request.resultFile(), ResultJson.mapper().writeValueAsBytes(result));
            return 0;
        } catch (InterruptedException e) {
            System.err.println("inferbench fork: interrupted");
            return EXIT_HARNESS_ERROR;
        } catch (IOException | RuntimeException e) {
            System.err.println("inferbench fork: " + e);
            e.printStackTrace();
            return EXIT_HARNESS_ERROR;
        }
    }

    /** The request's configuration, parsed and checked exactly as the parent did (preflight of it alone). */
    static PreparedConfiguration prepare(ForkRequest request, Map<String, BackendProvider> backends)
            throws ScenarioException {
        return prepare(parse(request, backends), request, backends);
    }

    /** Only this configuration: the others' backends are not on this JVM's class path. */
    static Scenario parse(ForkRequest request, Map<String, BackendProvider> backends) throws ScenarioException {
        ForkRequest.ConvertedModel converted = request.converted();
        return new ScenarioParser(backends).onlyConfiguration(request.configurationId())
                .withConversions((b, f) -> converted != null)
                .parse(Path.of(request.scenarioFile()), request.scenarioBaseDir(), request.scenarioSource());
    }

    static PreparedConfiguration prepare(Scenario all, ForkRequest request, Map<String, BackendProvider> backends)
            throws ScenarioException {
        ForkRequest.ConvertedModel converted = request.converted();
        ConfigurationSpec c = all.configurations().stream().filter(x -> x.id().equals(request.configurationId()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the scenario has no configuration "
                        + request.configurationId()));
        if (!c.label().equals(request.configurationLabel())) {
            throw new IllegalArgumentException("configuration " + c.id() + " is '" + c.label() + "' here, not '"
                    + request.configurationLabel() + "'");
        }
        Scenario one = new Scenario(all.file(), all.name(), all.description(), all.source(), List.of(c));
        // The parent converted the model already (and the converter may not be on this class path).
        ModelConversions given = converted == null ? ModelConversions.NONE : (spec, source) ->
                new ModelConversions.Converted(new ResolvedModel(converted.path(), source.source(),
                        converted.sizeBytes(), ""), converted.format(), converted.info());
        // The parent applied the optimization steps already (the optimizer is not on this class path).
        ForkRequest.OptimizedModel optimized = request.optimized();
        ModelOptimizations steps = optimized == null ? ModelOptimizations.NONE : (spec, source) ->
                new ModelOptimizations.Optimized(optimized.path() == null ? source : new ResolvedModel(optimized.path(),
                        source.source(), optimized.sizeBytes(), optimized.sha256()), optimized.steps());
        return new Preflight(backends, ModelResolver.defaults()).withConversions(given).withOptimizations(steps)
                .check(one).get(0);
    }

    /** The parent holds our stdin open while it lives; end of input means it died: do not outlive it. */
    private static void exitWhenStdinCloses() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; keep waiting for end of input
                }
            } catch (IOException e) {
                // stdin broken: the parent is gone as well
            }
            System.err.println("inferbench fork: the parent process is gone; exiting");
            Runtime.getRuntime().halt(EXIT_HARNESS_ERROR);
        }, "inferbench-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
