package io.inferbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    private static final double NA = Double.NaN;

    @Test
    void frontAndWhoDominatesTheRest() {
        List<Objectives> configs = List.of(
                new Objectives("fp32", 20, 50, 400e6, NA, 85.0),
                new Objectives("int8", 12, 80, 150e6, NA, 84.2),
                new Objectives("int8-t1", 15, 60, 150e6, NA, 84.2),   // dominated by int8
                new Objectives("fp16", 22, 45, 400e6, NA, 84.9));     // dominated by fp32
        ParetoFront front = ParetoFront.of(configs);
        assertEquals(List.of("fp32", "int8"), front.front());
        assertEquals(Map.of("int8-t1", "int8", "fp16", "fp32"), front.dominatedBy());
        assertEquals(List.of("int8-t1", "fp16"), List.copyOf(front.dominatedBy().keySet()));
        assertTrue(front.contains("int8"));
        assertFalse(front.contains("fp16"));
    }

    @Test
    void unmeasuredObjectivesAreSkippedForBothSides() {
        Objectives a = new Objectives("a", 10, 100, NA, NA, NA);
        Objectives b = new Objectives("b", 12, 90, 1e6, 0.5, 80);
        // Only latency and throughput are measured on both sides: a is better in both.
        assertTrue(Dominance.dominates(a, b));
        assertFalse(Dominance.dominates(b, a));
        // Equal in everything comparable: neither dominates, both stay on the front.
        Objectives c = new Objectives("c", 10, 100, 5e6, NA, 70);
        assertFalse(Dominance.dominates(a, c));
        assertFalse(Dominance.dominates(c, a));
        assertEquals(List.of("a", "c"), ParetoFront.of(List.of(a, c)).front());
    }

    @Test
    void dominanceNamesAFrontMemberWhenItCan() {
        // z is dominated by y and by x; y is itself dominated by x: z points at x.
        Objectives y = Objectives.of("y", 11, 90);
        Objectives x = Objectives.of("x", 10, 100);
        Objectives z = Objectives.of("z", 12, 80);
        ParetoFront front = ParetoFront.of(List.of(y, z, x));
        assertEquals(List.of("x"), front.front());
        assertEquals("x", front.dominatedBy().get("z"));
        assertEquals("x", front.dominatedBy().get("y"));
    }

    @Test
    void describesDifferencesInWords() {
        Objectives loser = new Objectives("l", 20, 50, 2e6, 1.0, 80);
        Objectives winner = new Objectives("w", 10, 50, 1e6, 1.0, 85);
        assertEquals("slower, more memory and less accurate", Dominance.worseIn(loser, winner));
        assertEquals("faster, less memory and more accurate", Dominance.betterIn(winner, loser));
        assertEquals("", Dominance.betterIn(loser, winner));
        assertEquals("slower and less accurate", Dominance.worseIn(loser, winner.withMemoryBytes(2e6)));
        assertEquals("more energy per inference", Dominance.worseIn(loser.withEnergyJoulesPerInference(2),
                loser));
    }

    @Test
    void emptyAndSingle() {
        assertEquals(List.of(), ParetoFront.of(List.of()).front());
        assertEquals(List.of("only"), ParetoFront.of(List.of(Objectives.of("only", 1, 1))).front());
    }
}
