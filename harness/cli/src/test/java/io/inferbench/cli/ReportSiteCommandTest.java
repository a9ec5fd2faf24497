package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import io.inferbench.result.ScenarioRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inferbench report RESULTS... --site DIR}: finds results in folders of runs; single-run mode unchanged. */
class ReportSiteCommandTest {
    private static void result(Path runDir, String id, Instant start) throws Exception {
        ResultJson.write(new RunResult(RunResult.SCHEMA, id, start, start.plusSeconds(5),
                new ScenarioRecord("scenarios/x.yaml", "nightly", null, null, "name: nightly\n"), null, List.of(),
                null), runDir.resolve("result.json"));
    }

    @Test
    void buildsASiteFromAFolderOfRunsAndAFile(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        result(results.resolve("r1"), "r1", t);
        result(results.resolve("r2"), "r2", t.plusSeconds(86_400));
        Path extra = dir.resolve("elsewhere");
        result(extra, "r3", t.plusSeconds(2 * 86_400));
        CliRun run = CliRun.of("report", results.toString(), extra.resolve("result.json").toString(),
                "--site", dir.resolve("site").toString());
        assertEquals(Main.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("site: 3 runs, 1 scenarios, 2 comparisons"), run.toString());
        for (String page : List.of("index.html", "compare.html", "runs/r1.html", "runs/r3.html",
                "scenarios/nightly.html", "compare/r2--vs--r1.html", "compare/r3--vs--r2.html")) {
            assertTrue(Files.isRegularFile(dir.resolve("site").resolve(page)), page);
        }
        assertTrue(Files.notExists(results.resolve("r1/report.html")), "--site writes only into the site");
    }

    @Test
    void aSecondBuildReadsOnlyTheNewNightAndACorruptGateRecordIsAWarning(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        result(results.resolve("r1"), "r1", t);
        result(results.resolve("r2"), "r2", t.plusSeconds(86_400));
        Files.writeString(results.resolve("r2/gate.json"), "{\"schema\": \"something else\"}");
        String site = dir.resolve("site").toString();
        CliRun first = CliRun.of("report", results.toString(), "--site", site);
        assertEquals(Main.OK, first.exitCode(), first.toString());
        assertTrue(first.out().contains("(2 results read, 3 pages rendered, 0 unchanged, 0 removed)"), first.toString());
        assertEquals(1, first.err().lines().count(), "one line on stderr: " + first.err());
        assertTrue(first.err().startsWith("warning: gate record unreadable: ") && first.err().contains("gate.json"),
                first.toString());
        assertTrue(Files.readString(dir.resolve("site/runs/r2.html")).contains("Gate record unreadable"));

        result(results.resolve("r3"), "r3", t.plusSeconds(2 * 86_400));
        CliRun second = CliRun.of("report", results.toString(), "--site", site);
        assertEquals(Main.OK, second.exitCode(), second.toString());
        assertTrue(second.out().contains("(1 results read, 2 pages rendered, 3 unchanged, 0 removed)"),
                second.toString());

        // One bad result does not sink the site: the good ones are built, the bad one named, exit 1 (0 if accepted).
        Files.writeString(results.resolve("r3/result.json"), "{ \"schema\": ");
        CliRun corrupt = CliRun.of("report", results.toString(), "--site", site);
        assertEquals(Main.CONFIGURATION_FAILED, corrupt.exitCode(), corrupt.toString());
        List<String> skipped = corrupt.err().lines().filter(l -> l.startsWith("skipped: ")).toList();
        assertEquals(1, skipped.size(), corrupt.toString());
        assertTrue(skipped.get(0).contains("r3"), corrupt.toString());
        assertTrue(corrupt.out().contains("site: 2 runs"), corrupt.toString());
        assertTrue(Files.notExists(dir.resolve("site/runs/r3.html")), "the unreadable run has no page");
        assertTrue(Files.isRegularFile(dir.resolve("site/runs/r2.html")));
        CliRun accepted = CliRun.of("report", results.toString(), "--site", site, "--ignore-unreadable");
        assertEquals(Main.OK, accepted.exitCode(), accepted.toString());
        assertTrue(accepted.err().contains("skipped: "), accepted.toString());
    }

    @Test
    void singleRunModeIsUnchangedAndBadInputIsClear(@TempDir Path dir) throws Exception {
        result(dir.resolve("r1"), "r1", Instant.parse("2026-11-20T02:00:00Z"));
        CliRun single = CliRun.of("report", dir.resolve("r1").toString());
        assertEquals(Main.OK, single.exitCode(), single.toString());
        assertTrue(Files.isRegularFile(dir.resolve("r1/report.html")));

        Files.createDirectories(dir.resolve("empty"));
        CliRun none = CliRun.of("report", dir.resolve("empty").toString(), "--site", dir.resolve("s").toString());
        assertEquals(Main.BAD_INPUT, none.exitCode(), none.toString());
        assertTrue(none.err().contains("no result.json in"), none.toString());

        CliRun both = CliRun.of("report", dir.resolve("r1").toString(), "--site", dir.resolve("s").toString(),
                "--out", dir.resolve("x.html").toString());
        assertEquals(Main.BAD_INPUT, both.exitCode(), both.toString());
    }
}
