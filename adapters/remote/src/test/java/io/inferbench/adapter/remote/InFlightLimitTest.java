package io.inferbench.adapter.remote;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No more than the limit on the wire; the rest go out in order as answers come back; failures free their slot. */
class InFlightLimitTest {
    @Test
    void holdsTheRestUntilASlotFreesThenSendsThemInOrder() throws Exception {
        InFlightLimit limit = new InFlightLimit(2);
        List<CompletableFuture<Integer>> wire = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(limit.submit(() -> {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                wire.add(f);
                return f;
            }));
        }
        assertEquals(2, wire.size(), "two sent, three waiting");
        assertEquals(2, limit.running());
        wire.get(0).complete(0);
        assertEquals(0, results.get(0).get());
        assertEquals(3, wire.size(), "an answer lets the next one out");
        wire.get(1).completeExceptionally(new IllegalStateException("refused"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> results.get(1).get());
        assertEquals("refused", e.getCause().getMessage());
        assertEquals(4, wire.size(), "a failure frees its slot too");
        wire.get(2).complete(2);
        wire.get(3).complete(3);
        assertEquals(5, wire.size());
        assertFalse(results.get(4).isDone());
        wire.get(4).complete(4);
        assertEquals(4, results.get(4).get());
        assertEquals(0, limit.running());
    }

    @Test
    void aCallThatThrowsFailsItsFutureAndFreesItsSlot() {
        InFlightLimit limit = new InFlightLimit(1);
        CompletableFuture<Object> f = limit.submit(() -> {
            throw new IllegalArgumentException("bad request");
        });
        assertTrue(f.isCompletedExceptionally());
        assertEquals(0, limit.running());
        assertTrue(limit.submit(() -> CompletableFuture.completedFuture("ok")).isDone());
    }
}
