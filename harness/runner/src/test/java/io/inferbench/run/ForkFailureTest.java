package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a dead child is described, from its exit status and what it wrote. */
class ForkFailureTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private ForkProcess.Outcome outcome(int exit, boolean timedOut, String... lines) throws Exception {
        ForkLog log = new ForkLog(dir.resolve("c01-fork1.stderr.log"));
        for (String l : lines) {
            log.add(l);
        }
        log.close();
        return new ForkProcess.Outcome(exit, timedOut, null, log, dir.resolve("c01-fork1.hs_err.log"));
    }

    @Test
    void signalsAreNamed() throws Exception {
        assertEquals("killed by signal 11 (SIGSEGV), exit status 139",
                ForkFailure.reason(outcome(139, false), TIMEOUT));
        assertEquals("killed by signal 9 (SIGKILL), exit status 137", ForkFailure.reason(outcome(137, false), TIMEOUT));
        assertEquals("killed by signal 40, exit status 168", ForkFailure.reason(outcome(168, false), TIMEOUT));
        assertEquals("exited with status 70", ForkFailure.reason(outcome(70, false), TIMEOUT));
    }

    @Test
    void aTimeoutIsAHangWhateverTheExitStatus() throws Exception {
        assertEquals("hung: no result after 300s (run.timeout); the JVM was killed",
                ForkFailure.reason(outcome(-1, true, "java.lang.OutOfMemoryError"), TIMEOUT));
    }

    @Test
    void outOfMemoryIsNamedWithItsLine() throws Exception {
        assertEquals("ran out of memory: Terminating due to java.lang.OutOfMemoryError: Java heap space "
                + "(exit status 3)",
                ForkFailure.reason(outcome(3, false, "a", "Terminating due to java.lang.OutOfMemoryError: Java heap "
                        + "space", "b"), TIMEOUT));
    }

    @Test
    void aJvmCrashReportGivesSignalFrameAndReport() throws Exception {
        Files.writeString(dir.resolve("c01-fork1.hs_err.log"), "report");
        ForkProcess.Outcome o = outcome(134, false, "stdout: #", "stdout: # A fatal error has been detected by the "
                + "Java Runtime Environment:", "stdout: #  SIGSEGV (0xb) at pc=0x1, pid=2, tid=3",
                "stdout: # Problematic frame:", "stdout: # C  [libonnxruntime.so+0x5ab1]  OrtRun+0x21", "stdout: #");
        assertEquals("the JVM crashed with SIGSEGV in C [libonnxruntime.so+0x5ab1] OrtRun+0x21 (exit status 134); "
                + "crash report: " + dir.resolve("c01-fork1.hs_err.log"), ForkFailure.reason(o, TIMEOUT));
    }

    @Test
    void theTailIsBoundedAndTheLogComplete() throws Exception {
        String[] lines = new String[100];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "line " + i;
        }
        lines[99] = "x".repeat(5000);
        ForkProcess.Outcome o = outcome(1, false, lines);
        assertEquals(ForkLog.TAIL_LINES, o.log().tail().size());
        assertEquals("line 80", o.log().tail().get(0));
        assertEquals(ForkLog.MAX_LINE + 2, o.log().tail().get(ForkLog.TAIL_LINES - 1).length());
        assertEquals(100, Files.readAllLines(o.log().file()).size());
        String described = ForkFailure.describe("fork 2 of 3: ", o, TIMEOUT);
        assertTrue(described.startsWith("fork 2 of 3: exited with status 1\nstderr (last 20 lines; all of it in "
                + o.log().file() + "):\n  line 80\n"), described);
    }

    @Test
    void anEmptyStderrIsSaidToBeEmpty() throws Exception {
        assertEquals("exited with status 2\nstderr: (empty)", ForkFailure.describe("", outcome(2, false), TIMEOUT));
    }
}
