package io.inferbench.adapter.djl;

import io.inferbench.adapter.support.ErrorLines;

/** One-line reasons from DJL's exceptions, which wrap the engine's own error several levels deep. */
final class DjlErrors {
    private DjlErrors() {
    }

    /**
     * The outermost message, followed by the root cause's when it adds something (DJL's
     * {@code EngineException("Failed to load ...")} hides the native library's actual complaint),
     * whitespace folded, at most 400 characters.
     */
    static String oneLine(Throwable e) {
        String message = text(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            String rootText = text(root);
            if (!message.contains(rootText)) {
                message = message + ": " + rootText;
            }
        }
        return ErrorLines.oneLine(message);
    }

    private static String text(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
