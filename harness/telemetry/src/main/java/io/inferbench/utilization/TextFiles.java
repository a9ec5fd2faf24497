package io.inferbench.utilization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads small pseudo-files and turns failures into short human reasons. */
final class TextFiles {
    private TextFiles() {
    }

    /** Reads a whole (small) file as text. Pseudo-files report size 0, so no size-based shortcuts. */
    static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }

    /** {@code "<file> not readable (permission denied)"} and the like. */
    static String unreadable(Path file, Exception e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "not present";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else {
            why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return file + " not readable (" + why + ")";
    }
}
