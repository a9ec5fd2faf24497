package io.inferbench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One child JVM from start to exit: started with the request, its stdout read for
 * {@link ForkEvent}s, its other output kept in a {@link ForkLog}, waited for until a deadline, and
 * killed with everything it started when the deadline passes, when the waiting thread is
 * interrupted, or when this JVM shuts down (Ctrl-C).
 *
 * <p>Besides the {@link ForkJvm}'s flags the child gets {@code -XX:+DisplayVMOutputToStderr} (the
 * JVM's own messages, e.g. "Terminating due to java.lang.OutOfMemoryError", stay off the protocol)
 * and {@code -XX:ErrorFile} (a crash report goes to the run's logs, not the working directory).
 */
final class ForkProcess {
    /** After the child exits, how long its output may still drain (a grandchild can hold the pipes). */
    private static final long DRAIN_MILLIS = 5_000;
    /** After a kill, how long to wait for the child to be gone. */
    private static final long KILL_WAIT_SECONDS = 10;

    /**
     * How a child ended.
     *
     * @param exitCode   its exit status; -1 when it was killed on the deadline or never started
     * @param timedOut   true when the deadline passed first
     * @param startError why the JVM could not be started, or null
     * @param log        what it wrote on stderr (and stray stdout)
     * @param errorFile  where a JVM crash report goes ({@code -XX:ErrorFile})
     */
    record Outcome(int exitCode, boolean timedOut, String startError, ForkLog log, Path errorFile) {
    }

    private ForkProcess() {
    }

    /**
     * Runs {@code jvm} on {@code requestFile} and waits for it until {@code deadline}.
     *
     * @param logPrefix {@code <run>/logs/c02-fork1}: the log ({@code .stderr.log}) and crash report
     *                  ({@code .hs_err.log}) are named after it
     * @param events    receives the child's events, on a reader thread
     */
    static Outcome run(ForkJvm jvm, Path requestFile, Path logPrefix, Instant deadline, Consumer<ForkEvent> events)
            throws InterruptedException, IOException {
        return run(jvm, ForkMain.class.getName(), requestFile, logPrefix, deadline, events);
    }

    /** {@link #run(ForkJvm, Path, Path, Instant, Consumer)} with another main class (e.g. {@link ProbeMain}). */
    static Outcome run(ForkJvm jvm, String mainClass, Path requestFile, Path logPrefix, Instant deadline,
                       Consumer<ForkEvent> events) throws InterruptedException, IOException {
        Files.createDirectories(logPrefix.toAbsolutePath().getParent());
        Path errorFile = Path.of(logPrefix + ".hs_err.log");
        Files.deleteIfExists(errorFile);
        ProcessBuilder pb = new ProcessBuilder(jvm.command(List.of("-XX:+DisplayVMOutputToStderr",
                "-XX:ErrorFile=" + errorFile.toAbsolutePath()), mainClass,
                requestFile.toAbsolutePath().toString()));
        pb.environment().putAll(jvm.environment());
        try (ForkLog log = new ForkLog(Path.of(logPrefix + ".stderr.log"))) {
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Outcome(-1, false, "could not start " + jvm.java() + ": " + e.getMessage(), log, errorFile);
            }
            return await(p, log, errorFile, deadline, events);
        }
    }

    private static Outcome await(Process p, ForkLog log, Path errorFile, Instant deadline, Consumer<ForkEvent> events)
            throws InterruptedException {
        // Kept open while the child lives: the child exits when it closes (i.e. when this JVM dies).
        OutputStream stdin = p.getOutputStream();
        Thread out = daemon("inferbench-fork-stdout", () -> ForkLog.pump(p.getInputStream(), line -> event(line,
                events, log)));
        Thread err = daemon("inferbench-fork-stderr", () -> ForkLog.pump(p.getErrorStream(), log::add));
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Thread killOnExit = new Thread(() -> {
            shuttingDown.set(true);
            destroyTree(p);
        }, "inferbench-fork-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try {
            long waitMillis = Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
            boolean exited = p.waitFor(waitMillis, TimeUnit.MILLISECONDS);
            if (shuttingDown.get()) {
                // We killed it because this JVM is going down (Ctrl-C): not the configuration's failure,
                // so no result may be recorded for it (--resume will run it again).
                throw new InterruptedException("shutting down");
            }
            if (!exited) {
                destroyTree(p);
            }
            out.join(DRAIN_MILLIS);
            err.join(DRAIN_MILLIS);
            return new Outcome(exited ? p.exitValue() : -1, !exited, null, log, errorFile);
        } catch (InterruptedException e) {
            destroyTree(p);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs anyway
            }
            closeQuietly(stdin);
        }
    }

    /** A protocol line goes to {@code events}; anything else a library printed goes to the log. */
    private static boolean event(String line, Consumer<ForkEvent> events, ForkLog log) {
        var event = ForkEvent.parse(line);
        if (event.isEmpty()) {
            return log.add("stdout: " + line);
        }
        try {
            events.accept(event.get());
        } catch (RuntimeException e) {
            // a console problem must not stop the pump (the child would block on a full pipe)
        }
        return true;
    }

    /** Kills the child and every process it started (descendants first: once it dies they are reparented). */
    static void destroyTree(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(OutputStream s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do: the child is gone
        }
    }
}
