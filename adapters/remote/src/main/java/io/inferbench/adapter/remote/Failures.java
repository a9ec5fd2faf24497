package io.inferbench.adapter.remote;

import io.inferbench.adapter.support.ErrorLines;
import io.inferbench.api.BackendException;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One-line errors of remote calls, each naming the backend and the URL. */
final class Failures {
    private Failures() {
    }

    /** What went wrong reaching {@code url}, from the exception a call failed with. */
    static BackendException of(String backend, String url, Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof BackendException b) {
            return b;
        }
        if (e instanceof ConnectException || e instanceof ClosedChannelException) {
            return new BackendException(backend + ": cannot connect to " + url + ": connection refused (is the "
                    + "server running and listening there?)", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new BackendException(backend + ": " + url + " did not answer in time (" + ErrorLines.message(e)
                    + "; backend.options.timeout)", e);
        }
        return new BackendException(ErrorLines.oneLine(backend + ": request to " + url + " failed: "
                + ErrorLines.message(e)), e);
    }

    /** An answer with an error status, with the server's message. */
    static BackendException status(String backend, String url, int status, String serverMessage) {
        String what = status == 404 ? "not found (unknown model or endpoint)" : status == 503
                ? "unavailable (queue full or shutting down)" : status == 413 ? "request too large" : "error";
        return new BackendException(ErrorLines.oneLine(backend + ": " + url + " answered " + status + " " + what
                + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage)));
    }

    /** {@code r} when it is a 2xx answer; else the one-line error naming the URL and the server's message. */
    static java.net.http.HttpResponse<byte[]> requireOk(String backend, String url, java.net.http.HttpResponse<byte[]> r)
            throws BackendException {
        if (r.statusCode() / 100 != 2) {
            throw status(backend, url, r.statusCode(), io.inferbench.protocol.V2Json.errorMessage(r.body()));
        }
        return r;
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
