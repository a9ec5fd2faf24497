package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.Text;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;

/** {@code hardware:}: the device the model runs on and the CPUs its child JVM is pinned to. */
public final class HardwareKeys {
    public static final String CPU = "cpu";
    public static final String GPU = "gpu";

    public static final KeySpec DEVICE = KeySpec.of("device", new Choice(List.of(CPU, GPU)), "cpu or gpu.")
            .withDefault(CPU);
    public static final KeySpec DEVICE_ID = KeySpec.of("device-id", new Whole(0, 1023), "GPU ordinal (gpu only).")
            .withDefault(0L);

    public static final KeySpec CPUS = KeySpec.of("cpus", Text.matching("^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$"),
            "Pin each child JVM of this configuration to these CPUs, a Linux CPU list such as \"0-1\" or \"0,2\" "
            + "(taskset -c; forked runs only). Every CPU must be online; the result records the list and the CPUs the "
            + "child could run on.").withExamples("0-1", "2,3");

    public static final SectionRule.ZeroUnless GPU_ONLY_ID = new SectionRule.ZeroUnless(DEVICE_ID.name(), DEVICE.name(),
            GPU, "device-id applies to gpu only");

    public static final SectionSpec SECTION = new SectionSpec("hardware", "The device the model runs on, and the "
            + "CPUs its JVM may use.", List.of(DEVICE, DEVICE_ID, CPUS), List.of(GPU_ONLY_ID));

    private HardwareKeys() {
    }
}
