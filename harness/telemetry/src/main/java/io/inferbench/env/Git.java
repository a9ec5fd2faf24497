package io.inferbench.env;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** The git commit of a checkout, found by running {@code git}. */
public final class Git {
    /** How long each {@code git} command may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private Git() {
    }

    /**
     * The commit checked out in {@code dir}, with {@code -dirty} appended when tracked files are
     * modified ({@code git status --porcelain --untracked-files=no} prints anything).
     *
     * @param dir a directory inside a git work tree; may be null
     * @return the commit id, or null when {@code dir} is not a git checkout with a commit, git is
     *         missing, or git did not answer within {@link #TIMEOUT}. Never throws.
     */
    public static String commit(Path dir) {
        if (dir == null) {
            return null;
        }
        String where = dir.toAbsolutePath().toString();
        Optional<String> head = Processes.run(TIMEOUT, "git", "-C", where, "rev-parse", "HEAD").map(String::strip);
        if (head.isEmpty() || !OBJECT_ID.matcher(head.get()).matches()) {
            return null;
        }
        boolean dirty = Processes.run(TIMEOUT, "git", "-C", where, "status", "--porcelain", "--untracked-files=no")
                .filter(status -> !status.isBlank())
                .isPresent();
        return dirty ? head.get() + "-dirty" : head.get();
    }
}
