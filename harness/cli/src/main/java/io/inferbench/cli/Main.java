package io.inferbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inferbench} — benchmark neural-network inference from declarative scenario files. */
@Command(name = "inferbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Benchmarks neural-network inference backends from declarative scenario files.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class, BackendsCommand.class, ConvertCommand.class,
                JmhCommand.class, GateCommand.class, ExportCommand.class, MergeCommand.class, ServeCommand.class,
                OptimizeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a configuration failed (the others still ran and were reported); gate: a "
                + "regression",
                "2:bad input (scenario, files, options)"})
public final class Main {
    public static final int OK = 0;
    public static final int CONFIGURATION_FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        // A large stack for native libraries initialised here (--in-process, validate, convert).
        System.exit(io.inferbench.run.LargeStack.run("inferbench", () -> execute(args)));
    }

    /** Runs the CLI in this JVM and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given console streams. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new Failures());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("inferbench: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return BAD_INPUT;
        });
        String unknown = unknownCommand(cl, args);
        if (unknown != null) {
            err.println("inferbench: unknown command '" + unknown + "'." + io.inferbench.scenario.Suggestions
                    .didYouMean(unknown, java.util.List.copyOf(cl.getSubcommands().keySet()))
                    + " Commands: " + String.join(", ", cl.getSubcommands().keySet()) + ". Try 'inferbench --help'.");
            err.flush();
            return BAD_INPUT;
        }
        return cl.execute(args);
    }

    /**
     * The first argument when it is neither an option nor a command. Checked before picocli parses,
     * which would otherwise let {@code inferbench nosuch --help} print the main help and exit 0.
     */
    private static String unknownCommand(CommandLine cl, String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || cl.getSubcommands().containsKey(args[0])) {
            return null;
        }
        return args[0];
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"inferbench " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
