package io.inferbench.run;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child wrote besides its protocol: all of its stderr (and any stray line on its stdout,
 * marked {@code stdout: }) to a log file; the last {@link #TAIL_LINES} lines in memory, bounded
 * whatever the child prints; and the lines that explain a death: an {@code OutOfMemoryError}, and
 * the signal ({@code #  SIGSEGV (0xb) at pc=...}) and problematic frame of a JVM crash report.
 *
 * <p>Thread-safe: the stderr and stdout readers write to it at once.
 */
final class ForkLog implements Closeable {
    /** Lines kept for the failure message. */
    static final int TAIL_LINES = 20;
    /** Longer lines are cut in the tail (the log keeps them whole). */
    static final int MAX_LINE = 400;
    private static final Pattern CRASH_SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+) \\(0x");
    private static final String FATAL_ERROR = "A fatal error has been detected by the Java Runtime Environment";

    private final Path file;
    private final BufferedWriter writer;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private String outOfMemoryLine;
    private boolean fatalError;
    private String crashSignal;
    private boolean frameNext;
    private String crashFrame;

    ForkLog(Path file) throws IOException {
        this.file = file;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Reads {@code in} line by line to its end, handing each line to {@code sink}; quiet when the child is gone. */
    static void pump(InputStream in, Predicate<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sink.test(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // the child is gone
        }
    }

    /** Adds one line; returns true (a {@link Predicate} sink for {@link #pump}). */
    synchronized boolean add(String line) {
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            // the log is a copy; the tail and the diagnosis still work
        }
        if (outOfMemoryLine == null && line.contains("OutOfMemoryError")) {
            outOfMemoryLine = line.strip();
        }
        if (line.contains(FATAL_ERROR)) {
            fatalError = true;
        }
        Matcher m = CRASH_SIGNAL.matcher(line);
        if (fatalError && crashSignal == null && m.find()) {
            crashSignal = m.group(1);
        }
        if (frameNext) {
            // "# C  [libonnxruntime.so+0x1234]  OrtRun+0x56": where it crashed
            crashFrame = line.substring(line.indexOf('#') + 1).strip().replaceAll("\\s+", " ");
            frameNext = false;
        }
        if (fatalError && crashFrame == null && line.contains("# Problematic frame:")) {
            frameNext = true;
        }
        if (fatalError && line.replaceFirst("^stdout: ", "").startsWith("#")) {
            // HotSpot's crash banner: summarised by the diagnosis, kept whole in the log and the
            // hs_err file; leaving it out of the tail keeps what the backend printed before it.
            return true;
        }
        tail.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        return true;
    }

    Path file() {
        return file;
    }

    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** The first line mentioning {@code OutOfMemoryError}, or null. */
    synchronized String outOfMemoryLine() {
        return outOfMemoryLine;
    }

    /** True when the JVM wrote a fatal error report (a crash in native or JVM code). */
    synchronized boolean fatalError() {
        return fatalError;
    }

    /** The signal named in the crash report, e.g. {@code SIGSEGV}, or null. */
    synchronized String crashSignal() {
        return crashSignal;
    }

    /** The problematic frame of the crash report, e.g. {@code C [libfoo.so+0x1234] bar+0x56}, or null. */
    synchronized String crashFrame() {
        return crashFrame;
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // nothing more to write
        }
    }
}
