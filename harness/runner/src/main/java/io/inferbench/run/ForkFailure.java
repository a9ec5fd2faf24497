package io.inferbench.run;

import io.inferbench.scenario.Durations;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Says in words why a child JVM produced no result: hung past the timeout, ran out of memory,
 * crashed in native code, killed by a signal, or exited with an error status; followed by the tail
 * of its stderr and where the whole of it is.
 */
final class ForkFailure {
    /** Signal numbers (Linux) as shells and {@code kill -l} name them. */
    private static final Map<Integer, String> SIGNALS = Map.ofEntries(Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"),
            Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"), Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"),
            Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"),
            Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"), Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"),
            Map.entry(15, "SIGTERM"));

    private ForkFailure() {
    }

    /** The reason, one sentence without the stderr. */
    static String reason(ForkProcess.Outcome o, Duration timeout) {
        ForkLog err = o.log();
        if (o.startError() != null) {
            return o.startError();
        }
        if (o.timedOut()) {
            return "hung: no result after " + Durations.format(timeout) + " (run.timeout); the JVM was killed";
        }
        int code = o.exitCode();
        if (err.outOfMemoryLine() != null) {
            return "ran out of memory: " + err.outOfMemoryLine() + " (exit status " + code + ")";
        }
        if (err.fatalError()) {
            return "the JVM crashed" + (err.crashSignal() == null ? "" : " with " + err.crashSignal())
                    + (err.crashFrame() == null ? "" : " in " + err.crashFrame()) + " (exit status " + code + ")"
                    + (Files.exists(o.errorFile()) ? "; crash report: " + o.errorFile() : "");
        }
        if (code > 128) {
            String name = SIGNALS.get(code - 128);
            return "killed by signal " + (code - 128) + (name == null ? "" : " (" + name + ")") + ", exit status "
                    + code;
        }
        return "exited with status " + code;
    }

    /** The reason, then the last lines of stderr and the path of the full log. */
    static String describe(String prefix, ForkProcess.Outcome o, Duration timeout) {
        return prefix + reason(o, timeout) + stderrSection(o.log());
    }

    /** A block of the last stderr lines, indented, saying where the full log is. */
    static String stderrSection(ForkLog err) {
        List<String> tail = err.tail();
        if (tail.isEmpty()) {
            return "\nstderr: (empty)";
        }
        StringBuilder b = new StringBuilder("\nstderr (last ").append(tail.size()).append(" lines; all of it in ")
                .append(err.file()).append("):");
        tail.forEach(l -> b.append("\n  ").append(l));
        return b.toString();
    }
}
