package io.inferbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writer and reader agree on limits: what the writer writes, the reader reads back (a string past
 * the limit is cut with a note, not written into a file no tool opens), and what is not a complete
 * result is refused in one line naming the file and what is wrong, never a NullPointerException.
 */
class ResultJsonLimitsTest {
    @TempDir
    Path dir;

    static RunResult run(String description) {
        ScenarioRecord scenario = new ScenarioRecord("s.yaml", "s", description, "0".repeat(64), "name: s\n");
        return new RunResult(RunResult.SCHEMA, "r1", Instant.parse("2026-01-01T00:00:00Z"), null, scenario, null,
                List.of(), null);
    }

    @Test
    void aStringLongerThanTheReaderTakesIsCutWithANote() throws IOException {
        String huge = "x".repeat(ResultJson.MAX_STRING_LENGTH + 10);
        Path file = dir.resolve("result.json");
        ResultJson.write(run(huge), file);
        RunResult read = ResultJson.read(file);
        String d = read.scenario().description();
        assertTrue(d.length() <= ResultJson.MAX_STRING_LENGTH, "within the reader's limit: " + d.length());
        assertTrue(d.endsWith("[truncated: " + huge.length() + " characters, more than the "
                + ResultJson.MAX_STRING_LENGTH + " a result holds]"), d.substring(d.length() - 100));
        assertEquals("s", read.scenario().name(), "the rest is intact");
    }

    @Test
    void aStringWithinTheLimitIsKeptWhole() throws IOException {
        String text = "é".repeat(1000);
        assertEquals(text, ResultJson.fromJson(ResultJson.toJson(run(text))).scenario().description());
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String s = "a".repeat(100) + "😀".repeat(100);
        for (int max = 90; max < 200; max++) {
            String cut = BoundedStrings.bounded(s, max);
            assertTrue(cut.length() <= max);
            assertTrue(!Character.isHighSurrogate(cut.charAt(cut.indexOf(" … [") - 1)), "at " + max);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "null",
            "[]",
            "42",
            "",
            "{ \"schema\" : \"inferbench.run/2\" ",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"configurations\" : null }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"configurations\" : [ null ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"configurations\" : [ { } ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"configurations\" : [ { \"setup\" : { } } ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"configurations\" : [ ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"startedAt\" : \"yesterday\", \"configurations\" : [ ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : [ 1 ], \"configurations\" : [ ] }",
            "{ \"schema\" : \"inferbench.run/2\", \"runId\" : \"r\", \"configurations\" : { } }",
            "{ \"schema\" : 2 }",
            "{ \"schema\" : \"inferbench.run/1\", \"runId\" : \"r\", \"configurations\" : [ { \"status\" : \"MAYBE\" } ] }",
    })
    void aMalformedDocumentIsRefusedInOneLine(String json) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        IOException e = assertThrows(IOException.class, () -> ResultJson.read(file), json);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        assertTrue(e.getMessage().length() < 400, "short: " + e.getMessage());
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        Path file = dir.resolve("deep.json");
        Files.writeString(file, "{ \"schema\" : \"inferbench.run/2\", \"x\" : " + "[".repeat(5000) + "]".repeat(5000)
                + " }");
        IOException e = assertThrows(IOException.class, () -> ResultJson.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aFolderOrAFifoIsNotRead() throws Exception {
        IOException e = assertThrows(IOException.class, () -> ResultJson.read(dir));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        Path fifo = dir.resolve("fifo.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, () -> ResultJson.read(fifo)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aGoodDocumentStillReads() throws IOException {
        RunResult r = run("fine").withConfigurations(List.of(), null);
        assertEquals(r, ResultJson.fromJson(ResultJson.toJson(r)));
    }
}
