package io.inferbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerSetTest {
    /** Counts its closes. */
    static final class CountingRunner implements Runner {
        int closes;

        @Override
        public PreparedInput prepare(Map<String, Tensor> inputs) {
            return new PreparedInput() { };
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
            closes++;
        }
    }

    @Test
    void closingTheSessionClosesEveryRunnerOnceAndRefusesNewOnes() throws Exception {
        RunnerSet<CountingRunner> set = new RunnerSet<>();
        CountingRunner a = set.add(new CountingRunner());
        CountingRunner b = set.add(new CountingRunner());
        set.forget(b); // b closed itself
        assertTrue(set.closeAll());
        assertFalse(set.closeAll(), "second close is a no-op");
        assertEquals(1, a.closes);
        assertEquals(0, b.closes, "a forgotten runner is not closed again");
        CountingRunner late = new CountingRunner();
        assertThrows(BackendException.class, () -> set.add(late));
        assertThrows(BackendException.class, set::ensureOpen);
        assertTrue(set.isClosed());
    }
}
