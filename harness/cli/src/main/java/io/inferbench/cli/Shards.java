package io.inferbench.cli;

import io.inferbench.run.Shard;

/** The {@code --shard I/N} option of {@code run} and {@code validate}. */
final class Shards {
    private Shards() {
    }

    /** The shard named, or null when the option was not given. */
    static Shard parse(String text) throws BadInputException {
        if (text == null) {
            return null;
        }
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
