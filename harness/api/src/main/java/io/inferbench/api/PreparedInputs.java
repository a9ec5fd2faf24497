package io.inferbench.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs one runner prepared: the check that an input handed to {@link Runner#run} is one of
 * them and still held, and their release when the runner closes — the bookkeeping every adapter's
 * runner needs whose prepared inputs hold native tensors. Used by one thread, like its runner.
 *
 * @param <P> the adapter's prepared-input type
 */
public final class PreparedInputs<P extends PreparedInputs.Owned> {
    /** A prepared input that knows the runner that made it and can release its native memory. */
    public interface Owned extends PreparedInput {
        Runner owner();

        boolean isClosed();

        /** Releases the input's native memory. Idempotent. */
        void close();
    }

    private final Runner runner;
    private final Class<P> type;
    private final List<P> held = new ArrayList<>();

    public PreparedInputs(Runner runner, Class<P> type) {
        this.runner = runner;
        this.type = type;
    }

    /** Records an input this runner made, so that closing the runner releases it. */
    public P add(P input) {
        held.add(input);
        return input;
    }

    /**
     * {@code input} as this runner's own. On the timed path: a type check and two field reads.
     *
     * @throws BackendException when another runner (or another backend) made it, or it was released
     */
    public P own(PreparedInput input) throws BackendException {
        if (!type.isInstance(input) || ((Owned) input).owner() != runner) {
            throw new BackendException("prepared input " + input + " was not made by this runner");
        }
        P ours = type.cast(input);
        if (ours.isClosed()) {
            throw new BackendException("prepared input " + input + " was released");
        }
        return ours;
    }

    /** Releases every input recorded here. */
    public void closeAll() {
        held.forEach(Owned::close);
        held.clear();
    }
}
