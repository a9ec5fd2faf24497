package io.inferbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparedInputsTest {
    /** A runner with nothing behind it: only its identity matters here. */
    private static final class NullRunner implements Runner {
        @Override
        public PreparedInput prepare(Map<String, Tensor> inputs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void run(PreparedInput input) {
        }

        @Override
        public Map<String, Tensor> runAndFetch(PreparedInput input) {
            return Map.of();
        }

        @Override
        public void close() {
        }
    }

    private static final class Input implements PreparedInputs.Owned {
        private final Runner owner;
        private boolean closed;

        Input(Runner owner) {
            this.owner = owner;
        }

        @Override
        public Runner owner() {
            return owner;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void ownAcceptsOnlyThisRunnersHeldInputs() throws BackendException {
        Runner mine = new NullRunner();
        Runner other = new NullRunner();
        PreparedInputs<Input> inputs = new PreparedInputs<>(mine, Input.class);
        Input a = inputs.add(new Input(mine));
        assertSame(a, inputs.own(a));
        BackendException foreign = assertThrows(BackendException.class, () -> inputs.own(new Input(other)));
        assertTrue(foreign.getMessage().endsWith("was not made by this runner"), foreign.getMessage());
        assertThrows(BackendException.class, () -> inputs.own(new PreparedInput() {
        }), "another backend's input type");
        a.close();
        BackendException released = assertThrows(BackendException.class, () -> inputs.own(a));
        assertTrue(released.getMessage().endsWith("was released"), released.getMessage());
    }

    @Test
    void closeAllReleasesEveryInputOnce() {
        Runner mine = new NullRunner();
        PreparedInputs<Input> inputs = new PreparedInputs<>(mine, Input.class);
        Input a = inputs.add(new Input(mine));
        Input b = inputs.add(new Input(mine));
        inputs.closeAll();
        assertTrue(a.isClosed() && b.isClosed());
        a.closed = false;
        inputs.closeAll();
        assertEquals(false, a.isClosed(), "released inputs are forgotten, not released again");
    }
}
