package io.inferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.inferbench.gate.GateSettings;
import io.inferbench.gate.MetricKind;
import io.inferbench.regression.MetricNames;
import io.inferbench.scenario.keys.GateKeys;
import io.inferbench.scenario.keys.KeySpec;
import org.junit.jupiter.api.Test;

/**
 * The scenario's {@code gate:} keys restate the gate's defaults for editors and the schema; this keeps
 * the two in step (the gate's own {@link GateSettings#DEFAULT} is the rule).
 */
class GateDefaultsTest {
    @Test
    void theScenarioKeysDefaultsAreTheGatesOwn() {
        GateSettings d = GateSettings.DEFAULT;
        for (KeySpec key : GateKeys.THRESHOLDS_SECTION.keys()) {
            MetricKind metric = MetricNames.parse(key.name());
            double declared = key.defaultValue() instanceof String text ? MetricNames.parseThreshold(metric, text)
                    : ((Number) key.defaultValue()).doubleValue();
            assertEquals(d.threshold(metric), declared, 1e-12, key.name());
        }
        assertEquals(d.alpha(), GateKeys.ALPHA.defaultDouble());
        assertEquals(d.lookback(), GateKeys.LOOKBACK.defaultInt());
        assertEquals(d.minHistoryRuns(), GateKeys.MIN_HISTORY.defaultInt());
        assertEquals(d.commonModeCorrection(), GateKeys.COMMON_MODE.defaultValue());
        assertEquals(0, GateKeys.CONFIRM.defaultInt());
    }

    @Test
    void aScenarioGateBlockSetsTheRuleAndFlagsOverrideIt() throws Exception {
        var run = new io.inferbench.result.RunResult(io.inferbench.result.RunResult.SCHEMA, "r", null, null,
                new io.inferbench.result.ScenarioRecord("s.yaml", "s", "", "x", """
                        name: s
                        gate: { thresholds: { p99: 20%, accuracy: 0.5 }, alpha: 0.01, lookback: 10, confirm: 3,
                                common-mode: false }
                        """), null, java.util.List.of(), null);
        GateOptions fromBlock = GateOptions.resolve(run, null, null, java.util.List.of(), false, null);
        assertEquals(0.20, fromBlock.settings().threshold(MetricKind.P99), 1e-12);
        assertEquals(0.5, fromBlock.settings().threshold(MetricKind.ACCURACY), 1e-12);
        assertEquals(0.05, fromBlock.settings().threshold(MetricKind.P50), 1e-12);
        assertEquals(0.01, fromBlock.settings().alpha());
        assertEquals(10, fromBlock.settings().lookback());
        assertEquals(false, fromBlock.settings().commonModeCorrection());
        assertEquals(3, fromBlock.confirm());
        GateOptions flags = GateOptions.resolve(run, 0.002, null, java.util.List.of("p99=7%"), false, 0);
        assertEquals(0.07, flags.settings().threshold(MetricKind.P99), 1e-12);
        assertEquals(0.002, flags.settings().alpha());
        assertEquals(0, flags.confirm());
    }
}
