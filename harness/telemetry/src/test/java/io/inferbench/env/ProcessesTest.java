package io.inferbench.env;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessesTest {
    @Test
    void timesOutQuicklyAndReturnsEmpty() {
        long start = System.nanoTime();
        Optional<String> out = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Processes.run(Duration.ofMillis(200), "sleep", "10"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.empty(), out);
        assertTrue(elapsedMs < 2_000, "took " + elapsedMs + " ms");
    }

    @Test
    void timeoutAlsoWhenAChildHoldsThePipe() {
        long start = System.nanoTime();
        Optional<String> out = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Processes.run(Duration.ofMillis(200), "sh", "-c", "echo started; sleep 10; echo done"));
        assertEquals(Optional.empty(), out);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
    }

    @Test
    void returnsStdout() {
        assertEquals(Optional.of("hello\n"), Processes.run(Duration.ofSeconds(5), "echo", "hello"));
    }

    @Test
    void failureGivesEmpty() {
        assertEquals(Optional.empty(), Processes.run(Duration.ofSeconds(5), "sh", "-c", "echo partial; exit 3"));
        assertEquals(Optional.empty(), Processes.run(Duration.ofSeconds(5), "no-such-command-inferbench-xyz"));
        assertEquals(Optional.empty(), Processes.run(Duration.ofSeconds(5)));
        assertEquals(Optional.empty(), Processes.run(null, "echo"));
    }
}
