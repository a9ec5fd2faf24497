package io.inferbench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inferbench.load.ProgressListener;
import io.inferbench.result.ResultJson;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * One progress event a child JVM streams to its parent: a step ("loading model") or a
 * {@link ProgressListener.Progress} of the load generator. On the wire it is one line of stdout,
 * {@link #MARKER} followed by a JSON object, so anything else a library prints there is ignored.
 *
 * @param step     the step's description; null for a progress event
 * @param progress the progress; null for a step
 */
public record ForkEvent(String step, ProgressListener.Progress progress) {
    /** Starts every protocol line on the child's stdout. */
    public static final String MARKER = "@@inferbench ";
    private static final ObjectWriter WRITER = ResultJson.mapper().writer()
            .without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = ResultJson.mapper().readerFor(ForkEvent.class);

    public static ForkEvent step(String what) {
        return new ForkEvent(what, null);
    }

    public static ForkEvent progress(ProgressListener.Progress p) {
        return new ForkEvent(null, p);
    }

    /** The event as one protocol line, without the line break. */
    public String toLine() {
        try {
            return MARKER + WRITER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event on {@code line}, or empty when the line is not a well-formed protocol line. */
    public static Optional<ForkEvent> parse(String line) {
        if (!line.startsWith(MARKER)) {
            return Optional.empty();
        }
        try {
            ForkEvent e = READER.readValue(line.substring(MARKER.length()));
            return e.step() == null && e.progress() == null ? Optional.empty() : Optional.of(e);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Hands the event to {@code listener}, steps prefixed with {@code stepPrefix} (e.g. "fork 2/3: "). */
    public void deliverTo(RunListener listener, String stepPrefix) {
        if (step != null) {
            listener.step(stepPrefix + step);
        } else {
            listener.onProgress(progress);
        }
    }
}
