package io.inferbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format against its golden files, with and without a gate record. */
class GoldenFilesTest {
    static Stream<Arguments> formatsWithAndWithoutGate() {
        return ExportFormat.all().stream().flatMap(f -> Stream.of(Arguments.of(f.name(), false), Arguments.of(f.name(), true)));
    }

    @ParameterizedTest(name = "{0}, gate: {1}")
    @MethodSource("formatsWithAndWithoutGate")
    void matchesItsGoldenFile(String name, boolean withGate) throws Exception {
        ExportFormat format = ExportFormat.parse(name);
        Golden.check(format, withGate, Golden.fixture(format, withGate));
    }

    @ParameterizedTest(name = "{0}, gate: {1}")
    @MethodSource("formatsWithAndWithoutGate")
    void isTheSameOnEveryCall(String name, boolean withGate) {
        ExportFormat format = ExportFormat.parse(name);
        assertEquals(Golden.fixture(format, withGate), Golden.fixture(format, withGate));
    }

    /** The comparison can fail: the same run with one configuration 10% slower no longer matches. */
    @ParameterizedTest(name = "{0}, gate: {1}")
    @MethodSource("formatsWithAndWithoutGate")
    void aChangedFigureNoLongerMatches(String name, boolean withGate) throws Exception {
        ExportFormat format = ExportFormat.parse(name);
        String changed = Golden.export(format, Fixtures.run(1.1),
                withGate ? Optional.of(Fixtures.gate()) : Optional.empty());
        assertNotEquals(Golden.read(format, withGate), changed);
    }
}
