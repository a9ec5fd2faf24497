package io.inferbench.cli;

import io.inferbench.api.BackendInfo;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.result.ConfigurationOutcome;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.PreparedConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run --require-gpu}: a GPU configuration that would be reported "skipped: no GPU found"
 * is an error instead. Checked before measuring from what each backend says it sees
 * ({@link BackendInfo#devices()}), and again on the results (a backend may only find out when it
 * loads the model).
 */
final class GpuRequirement {
    private GpuRequirement() {
    }

    /** Throws naming every GPU configuration whose backend sees no such GPU. */
    static void check(List<PreparedConfiguration> configurations, BackendProbe probe) throws BadInputException {
        List<String> missing = new ArrayList<>();
        for (PreparedConfiguration pc : configurations) {
            Device device = pc.spec().hardware().device();
            if (device.kind() != Device.Kind.GPU) {
                continue;
            }
            BackendInfo info = probe.info(pc.spec().backend().name());
            boolean found = info.devices().stream().anyMatch(d -> d.device().equals(device) && d.available());
            if (!found) {
                String note = info.devices().stream().filter(d -> d.device().equals(device)).map(DeviceInfo::note)
                        .filter(n -> !n.isBlank()).findFirst().orElse("the backend lists no " + device);
                missing.add(pc.spec().id() + " " + pc.spec().label() + " (" + pc.spec().backend().name() + " on "
                        + device + "): " + note);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException("--require-gpu: no GPU found for " + missing.size() + " configuration"
                    + (missing.size() == 1 ? "" : "s") + "; nothing was measured:\n  " + String.join("\n  ", missing));
        }
    }

    /** The configurations of {@code run} skipped because their GPU was not there. */
    static List<ConfigurationResult> skippedForNoGpu(RunResult run) {
        return run.configurations().stream().filter(c -> c.outcome() instanceof ConfigurationOutcome.Skipped s
                && s.reason() != null && s.reason().contains("no GPU found")).toList();
    }
}
