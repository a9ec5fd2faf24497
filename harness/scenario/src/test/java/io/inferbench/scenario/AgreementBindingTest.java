package io.inferbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code accuracy.agreement:}: samples and outputs, the default, agreement without tasks, and positioned problems. */
class AgreementBindingTest {
    private static final String BACKEND = "backend: { name: synthetic }\n";

    private static Scenario parse(String yaml) throws ScenarioException {
        return TestBackends.parser().parse(Path.of("test.yaml"), Path.of("."), yaml);
    }

    @Test
    void agreementAloneNeedsNoTask() throws Exception {
        AccuracySpec a = parse(BACKEND + "accuracy: { agreement: { samples: 16, outputs: [last_hidden_state] } }\n")
                .accuracy();
        assertEquals(new AgreementSpec(16, List.of("last_hidden_state")), a.agreement());
        assertTrue(a.tasks().isEmpty());
        assertEquals(16, a.agreement().samplesOf(64));
        assertEquals(8, a.agreement().samplesOf(8), "never more than the prepared samples");
        assertTrue(a.agreement().includes("last_hidden_state") && !a.agreement().includes("pooler_output"));
    }

    @Test
    void withoutTheKeyEveryOutputOnSixtyFourSamples() throws Exception {
        assertNull(parse(BACKEND).accuracy());
        assertEquals(AgreementSpec.DEFAULT, AccuracySpec.agreementOf(null));
        assertEquals(64, AgreementSpec.DEFAULT.samplesOf(100));
        assertTrue(AgreementSpec.DEFAULT.includes("anything"));
    }

    @Test
    void badValuesAreProblemsAtTheirLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BACKEND
                + "accuracy:\n  agreement:\n    samples: 0\n"));
        Problem p = e.problems().get(0);
        assertEquals(4, p.line(), p.format());
        assertEquals("accuracy.agreement.samples", p.path());
        e = assertThrows(ScenarioException.class, () -> parse(BACKEND
                + "accuracy:\n  agreement:\n    outputs: []\n"));
        assertEquals("accuracy.agreement.outputs", e.problems().get(0).path(), e.getMessage());
        assertEquals(4, e.problems().get(0).line());
        e = assertThrows(ScenarioException.class, () -> parse(BACKEND
                + "accuracy:\n  agreement:\n    outputs: [[a]]\n"));
        assertEquals("accuracy.agreement.outputs[0]", e.problems().get(0).path(), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> parse(BACKEND + "accuracy: { confidence: 0.9 }\n"));
        assertTrue(e.getMessage().contains("missing required key 'tasks'"), "still required without agreement");
    }
}
