package io.inferbench.adapter.tensorflow;

import io.inferbench.adapter.support.ErrorLines;
import io.inferbench.api.BackendException;
import io.inferbench.api.UnsupportedModelException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns TensorFlow's exceptions into the SPI's, with one-line messages. */
final class TfErrors {
    /** TensorFlow appends "[[{{node x}}]]" context and hints over several lines; keep the first sentence block. */
    private static final Pattern NODE_CONTEXT = Pattern.compile("\\s*\\[\\[\\{\\{node [^}]*}}]]");

    /** Phrases meaning "this TensorFlow build cannot run this graph", as opposed to a broken file. */
    private static final List<String> UNSUPPORTED = List.of(
            "op type not registered", "no opkernel was registered", "not found: op type",
            "could not find a kernel", "unimplemented");

    private TfErrors() {
    }

    /** The message on one line, at most 400 characters. */
    static String oneLine(Throwable e) {
        return ErrorLines.oneLine(NODE_CONTEXT.matcher(ErrorLines.message(e)).replaceAll(""));
    }

    /** A failure to load {@code what} (a SavedModel directory or GraphDef file). */
    static BackendException onLoad(String what, Throwable e) {
        String detail = oneLine(e);
        if (ErrorLines.containsAny(detail.toLowerCase(Locale.ROOT), UNSUPPORTED)) {
            return new UnsupportedModelException("tensorflow cannot run " + what + ": " + detail, e);
        }
        return new BackendException("cannot load " + what + ": " + detail, e);
    }

    /** A failure of {@code Session.run}. */
    static BackendException onRun(Throwable e) {
        return new BackendException("tensorflow run failed: " + oneLine(e), e);
    }
}
