package io.inferbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's result could not be written (disk full, folder removed): the run stops, its
 * {@code result.json} keeps what the last successful write put there (writes are atomic), and the
 * message says so in one line, with what was not written. {@code --resume} finishes the run.
 */
public final class ResultWriteException extends IOException {
    /**
     * @param kept how many configurations the file still holds (those of the last successful write)
     */
    public ResultWriteException(Path file, String when, int kept, int planned, IOException cause) {
        super("could not write " + file + " " + when + " (" + oneLine(cause) + "); "
                + (Files.isRegularFile(file) ? "it keeps the last result written, " + kept + " of " + planned
                + " configurations" : "nothing was written") + "; the run stopped there: free space or fix the "
                + "folder, then: inferbench run --resume " + file.getParent(), cause);
    }

    private static String oneLine(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("");
    }
}
