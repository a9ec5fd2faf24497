package io.inferbench.merge;

import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationSetup;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.MachineFingerprint;
import io.inferbench.result.PhaseResult;
import io.inferbench.result.PhasesResult;
import io.inferbench.result.Verdict;
import io.inferbench.stats.ForkStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration measured by several inputs: on one machine, its runs' forks become one
 * configuration's forks (histograms added exactly, percentiles recomputed from the sum); on several
 * machines, each machine's figures stay a configuration of their own, labelled with the machine.
 */
final class Forks {
    private Forks() {
    }

    static List<Measured> combine(List<Measured> measured, List<String> notes) {
        if (measured.size() == 1) {
            return measured;
        }
        Map<MachineFingerprint, List<Measured>> byMachine = new LinkedHashMap<>();
        measured.forEach(m -> byMachine.computeIfAbsent(m.fingerprint(), k -> new ArrayList<>()).add(m));
        List<Measured> out = new ArrayList<>();
        boolean apart = byMachine.size() > 1;
        if (apart) {
            notes.add(measured.get(0).configuration().label() + ": measured on " + byMachine.size()
                    + " machines; their figures are kept apart, one configuration per machine");
        }
        for (var e : byMachine.entrySet()) {
            Measured merged = asForks(e.getValue());
            out.add(apart ? onMachine(merged, e.getKey()) : merged);
        }
        return out;
    }

    /** One configuration from several runs of it on one machine. */
    private static Measured asForks(List<Measured> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        List<PhaseResult> forks = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Measured first = null;
        for (Measured m : runs) {
            ConfigurationResult c = m.configuration();
            if (c.status() != ConfigurationStatus.OK || c.measurement() == null) {
                continue;
            }
            first = first == null ? m : first;
            List<PhaseResult> own = c.phases().forks().isEmpty() ? List.of(c.measurement()) : c.phases().forks();
            forks.addAll(own);
            if (c.verdict() != null) {
                c.verdict().reasons().forEach(r -> reasons.add(m.input().where() + ": " + r));
            }
        }
        if (first == null) {
            return runs.get(0);
        }
        ConfigurationResult c = first.configuration();
        PhasesResult phases = new PhasesResult(c.phases().warmup(), ForkStatistics.merge(forks), forks,
                ForkStatistics.variation(forks), c.phases().peak());
        return new Measured(first.input(), new ConfigurationResult(c.setup(), c.session(),
                new ConfigurationOutcome.Ok(Verdict.of(reasons)), phases, c.resources(), c.accuracy()),
                first.fingerprint());
    }

    private static Measured onMachine(Measured m, MachineFingerprint machine) {
        ConfigurationResult c = m.configuration();
        ConfigurationSetup s = c.setup();
        ConfigurationSetup labelled = new ConfigurationSetup(s.id() + "@" + machine.id(), s.label() + " @ "
                + machine.id(), s.axes(), s.backend(), s.device(), s.load(), s.model(), s.feed(), s.baseline(),
                s.settings());
        return new Measured(m.input(), new ConfigurationResult(labelled, c.session(), c.outcome(), c.phases(),
                c.resources(), c.accuracy()), m.fingerprint());
    }
}
