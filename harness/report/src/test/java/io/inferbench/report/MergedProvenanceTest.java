package io.inferbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.result.EnvironmentInfo;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.MergeInfo;
import io.inferbench.result.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result merged from shards of two machines says so, and groups the configurations by machine. */
class MergedProvenanceTest {
    private static EnvironmentInfo machine(String cpu) {
        return new EnvironmentInfo("h", cpu, List.of(), 2, 24L << 30, "Debian 12", "6.1", "amd64", "JDK 17",
                List.of(), Map.of(), null, "t", List.of());
    }

    @Test
    void aMergedResultListsItsSourcesAndEachMachinesConfigurations() {
        RunResult run = ReportFixtures.run();
        String xeon = MachineFingerprint.of(machine("Xeon")).id();
        String epyc = MachineFingerprint.of(machine("EPYC")).id();
        Map<String, String> machineOf = new LinkedHashMap<>();
        machineOf.put("c01", xeon);
        machineOf.put("c02", epyc);
        machineOf.put("c03", xeon);
        RunResult merged = new RunResult(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.scenario(),
                run.environment(), run.configurations(), run.summary(), null, new MergeInfo(List.of("a-shard1of2",
                "a-shard2of2"), 2, List.of(), machineOf, Map.of(xeon, machine("Xeon"), epyc, machine("EPYC"))));
        List<KeyValue> rows = EnvironmentRows.merge(merged);
        assertEquals("Merged from", rows.get(0).key());
        assertTrue(rows.get(0).value().contains("(shards of 2): a-shard1of2, a-shard2of2"), rows.toString());
        assertEquals("c01, c03", rows.get(1).value());
        assertTrue(rows.get(1).key().contains("Xeon"), rows.toString());
        assertEquals("c02", rows.get(2).value());
        String html = new ReportRenderer().render(merged);
        assertTrue(html.contains("Merged from") && html.contains("EPYC"), "the report shows the provenance");
        assertEquals(List.of(), EnvironmentRows.merge(run));
    }
}
