package io.inferbench.cli;

import io.inferbench.run.backends.Backends;
import io.inferbench.run.PreparedConfiguration;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inferbench validate SCENARIO}: every check of {@code run}, without measuring. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a scenario without running it: YAML, keys, types and ranges, backend options, "
                + "files, Maven artifacts (fetched if absent), and the inputs against each model."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML)")
    Path scenario;

    @picocli.CommandLine.Option(names = "--shard", paramLabel = "I/N", description = "list only what "
            + "'run --shard I/N' would run: configuration k of the expansion order belongs to shard ((k-1) mod N)+1")
    String shard;

    @picocli.CommandLine.Option(names = "--max-configurations", paramLabel = "N", defaultValue = "" + io.inferbench.scenario.ScenarioLimits.DEFAULT_MAX_CONFIGURATIONS,
            description = "refuse a matrix of more than N configurations, counted before it is expanded "
                    + "(default: ${DEFAULT-VALUE})")
    int maxConfigurations;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Backends backends = Backends.discover();
        io.inferbench.run.Shard part = Shards.parse(shard);
        var loaded = ScenarioLoader.load(scenario, backends, ScenarioLoader.probe(backends, false), out,
                spec.commandLine().getErr(), MaxConfigurations.check(maxConfigurations));
        if (!loaded.unloadable().isEmpty()) {
            // A run would fail these configurations: not "valid".
            throw new io.inferbench.scenario.ScenarioException(loaded.unloadable());
        }
        out.println(scenario + ": valid, " + loaded.configurations().size() + " configuration"
                + (loaded.configurations().size() == 1 ? "" : "s"));
        java.util.List<PreparedConfiguration> listed = part == null ? loaded.configurations()
                : part.select(loaded.configurations());
        if (part != null) {
            out.println("shard " + part.label() + " runs " + listed.size() + " of them:");
        }
        out.println("planned: " + io.inferbench.run.RunPlan.of(listed.stream().map(PreparedConfiguration::spec)
                .toList()).describe());
        for (PreparedConfiguration pc : listed) {
            var c = pc.spec();
            out.printf("  %s  %-32s %s on %s, %s, model %s%n", c.id(), c.label(), c.backend().name(),
                    c.hardware().device(), c.load().describe(), pc.model().source());
            for (var step : pc.optimizations()) {
                out.printf("        step %s: %.2f MB -> %.2f MB, %d node(s) changed, %d left alone%s%n",
                        step.describe(), step.sizeBeforeBytes() / 1e6, step.sizeAfterBytes() / 1e6,
                        step.changed().size(), step.leftAlone().size(), step.achievedSparsity() == null ? ""
                                : String.format(java.util.Locale.ROOT, ", sparsity %.3f", step.achievedSparsity()));
            }
            if (pc.plan() != null) {
                out.println("        inputs: " + String.join(", ", pc.plan().specs().stream()
                        .map(t -> t.name() + ":" + t.describe()).toList()));
            }
        }
        var accuracy = loaded.scenario().accuracy();
        if (accuracy != null) {
            out.println("  accuracy, against " + (accuracy.reference() == null ? "the first configuration"
                    : accuracy.reference()) + ":");
            for (var t : accuracy.tasks()) {
                out.println("    " + t.name() + ": " + t.evaluator() + (t.dataset() == null ? "" : " on "
                        + t.dataset().getFileName()) + (t.samples() == null ? "" : ", " + t.samples() + " items")
                        + (t.options().isEmpty() ? "" : ", " + t.options()));
            }
        }
        out.flush();
        return Main.OK;
    }
}
