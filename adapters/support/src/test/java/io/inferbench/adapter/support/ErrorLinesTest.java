package io.inferbench.adapter.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorLinesTest {
    @Test
    void foldsWhitespaceAndCapsLength() {
        assertEquals("a b c", ErrorLines.oneLine("  a\n\tb \r\n c  "));
        String capped = ErrorLines.oneLine("x".repeat(1000));
        assertEquals(ErrorLines.MAX_LENGTH, capped.length());
        assertTrue(capped.endsWith("..."));
        assertEquals("x".repeat(400), ErrorLines.cap("x".repeat(400)), "exactly the limit is not cut");
    }

    @Test
    void messageFallsBackToTheExceptionsName() {
        assertEquals("boom", ErrorLines.message(new IllegalStateException("boom")));
        assertEquals("java.lang.IllegalStateException", ErrorLines.message(new IllegalStateException()));
        assertEquals("java.lang.IllegalStateException:  ", ErrorLines.message(new IllegalStateException(" ")));
    }

    @Test
    void findsPhrases() {
        assertTrue(ErrorLines.containsAny("no op registered for x", List.of("missing", "no op registered")));
        assertFalse(ErrorLines.containsAny("fine", List.of("missing")));
    }
}
