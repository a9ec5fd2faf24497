package io.inferbench.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A new run's folder, created atomically so that two runs started in the same second with the same
 * {@code --out} never share one: the first takes {@code <id>}, the next {@code <id>-2}, and so on (a
 * shard's {@code -shardIofN} stays last, where {@code inferbench merge} and the templates look for
 * it). A run writes only into the folder it created (or, resuming, the one it was given).
 */
public final class RunFolders {
    /** Attempts before giving up: a thousand runs started in one second with one name is a loop, not a team. */
    static final int MAX_ATTEMPTS = 1000;
    /** Longest folder name: file systems allow 255 bytes; the scenario name is cut to fit. */
    static final int MAX_NAME = 200;

    private RunFolders() {
    }

    /**
     * Creates {@code out/<id><suffix>} (or the first free {@code out/<id>-N<suffix>}) and returns it.
     *
     * @param suffix what goes after the id and its number, e.g. {@code -shard2of3}; may be empty
     * @throws IOException when {@code out} cannot be created or written; the message says why in one line
     */
    public static Path create(Path out, String id, String suffix) throws IOException {
        try {
            Files.createDirectories(out);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new IOException("--out " + out + ": cannot create the folder: " + e.getFile() + " is a file, not a "
                    + "folder");
        } catch (FileSystemException e) {
            throw new IOException("--out " + out + ": cannot create the folder: " + reason(e));
        }
        String base = id.length() > MAX_NAME ? id.substring(0, MAX_NAME) : id;
        for (int n = 1; n <= MAX_ATTEMPTS; n++) {
            Path dir = out.resolve(base + (n == 1 ? "" : "-" + n) + suffix);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // another run (or an earlier one) has it: try the next number
            } catch (AccessDeniedException e) {
                throw new IOException("--out " + out + ": cannot write there (permission denied)");
            } catch (FileSystemException e) {
                throw new IOException("--out " + out + ": cannot create the run folder " + dir.getFileName() + ": "
                        + reason(e));
            }
        }
        throw new IOException("--out " + out + ": " + MAX_ATTEMPTS + " run folders named " + base + "-N" + suffix
                + " already exist");
    }

    private static String reason(FileSystemException e) {
        String r = e.getReason();
        return r != null ? r : e.getFile() != null ? e.getFile() : e.getClass().getSimpleName();
    }
}
