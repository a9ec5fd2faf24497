package io.inferbench.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs short external commands with a timeout; never throws, never hangs. */
public final class Processes {
    private Processes() {
    }

    /**
     * Runs {@code command} and returns what it printed on standard output.
     *
     * <p>Standard input is empty and standard error is discarded. On timeout the process and its
     * descendants are killed.
     *
     * @param timeout how long to wait for the process to finish
     * @param command program and arguments
     * @return standard output (UTF-8) when the process exited with status 0 within the timeout;
     *         empty when it could not start, failed, timed out, or the thread was interrupted
     */
    public static Optional<String> run(Duration timeout, String... command) {
        if (timeout == null || command == null || command.length == 0
                || Arrays.stream(command).anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        Process process;
        try {
            process = new ProcessBuilder(List.of(command))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to send anyway
        }
        CompletableFuture<String> stdout = readAsync(process.getInputStream(), command[0]);
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        try {
            if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
                kill(process);
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            // A descendant may still hold the pipe open; wait for the rest of the output only up to the deadline.
            return Optional.of(stdout.get(Math.max(remaining(deadline), TimeUnit.MILLISECONDS.toNanos(100)),
                    TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            return Optional.empty();
        } catch (Exception e) {
            kill(process);
            return Optional.empty();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static CompletableFuture<String> readAsync(InputStream in, String name) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                result.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "inferbench-process-reader-" + name);
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static void kill(Process process) {
        try {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (RuntimeException ignored) {
            // best effort
        }
    }
}
