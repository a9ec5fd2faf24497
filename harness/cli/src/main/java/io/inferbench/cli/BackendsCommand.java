package io.inferbench.cli;

import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.OptionSpec;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inferbench backends}: what is installed, with versions, devices and execution providers. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "Lists installed backends with their versions, devices and execution providers.")
final class BackendsCommand implements Callable<Integer> {
    @Option(names = "--options", description = "also list each backend's scenario options")
    boolean options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Backends backends = Backends.discover();
        // Info may load native libraries: each adapter is asked in a child JVM of its own.
        BackendProbe probe = ScenarioLoader.probe(backends, false);
        for (BackendProvider p : backends.byName().values()) {
            BackendInfo info = probe.info(p.name());
            out.printf("%s  (%s %s)%n", p.name(), info.displayName(), info.version());
            out.println("  formats: " + String.join(", ", p.formats().stream().map(f -> f.name().toLowerCase(
                    java.util.Locale.ROOT)).toList()));
            for (DeviceInfo d : info.devices()) {
                out.printf("  device %-6s %-9s %s%s%n", d.device(), d.available() ? "available" : "absent",
                        d.description(), d.note().isEmpty() ? "" : " — " + d.note());
            }
            if (!info.executionProviders().isEmpty()) {
                out.println("  execution providers: " + String.join(", ", info.executionProviders()));
            }
            info.libraryVersions().forEach((k, v) -> out.println("  library " + k + " " + v));
            info.notes().forEach(n -> out.println("  note: " + n));
            if (options) {
                for (OptionSpec o : p.options()) {
                    out.printf("  option %-22s %s (default %s): %s%n", o.name(), o.expected(),
                            o.defaultValue() == null ? "backend default" : o.defaultValue(), o.description());
                }
            }
        }
        backends.problems().forEach(pr -> out.println("problem: " + pr));
        out.flush();
        return Main.OK;
    }
}
