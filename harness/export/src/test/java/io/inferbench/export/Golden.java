package io.inferbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.GateRecord;
import io.inferbench.result.RunResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Golden files under {@code src/test/resources/golden}. After a deliberate change of a format, rewrite
 * them with {@code -Dinferbench.golden.update=true} and review the diff.
 */
final class Golden {
    static final Path DIR = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("inferbench.golden.update");

    private Golden() {
    }

    /** {@code junit.xml}, {@code junit-gate.xml}. */
    static String fileName(ExportFormat format, boolean withGate) {
        return format.name() + (withGate ? "-gate" : "") + "." + format.extension();
    }

    static String export(ExportFormat format, RunResult run, Optional<GateRecord> gate) {
        StringWriter out = new StringWriter();
        try {
            Exporter.write(format, run, gate, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The fixture's export in {@code format}. */
    static String fixture(ExportFormat format, boolean withGate) {
        return export(format, Fixtures.run(), withGate ? Optional.of(Fixtures.gate()) : Optional.empty());
    }

    static String read(ExportFormat format, boolean withGate) throws IOException {
        Path file = DIR.resolve(fileName(format, withGate));
        assertTrue(Files.isRegularFile(file), file + " is missing: run the test with -Dinferbench.golden.update=true");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Compares {@code actual} with the golden file (or rewrites it when updating). */
    static void check(ExportFormat format, boolean withGate, String actual) throws IOException {
        Path file = DIR.resolve(fileName(format, withGate));
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(read(format, withGate), actual, "differs from " + file);
    }
}
