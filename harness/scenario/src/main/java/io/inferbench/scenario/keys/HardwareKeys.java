package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.Choice;
import io.inferbench.scenario.keys.ValueType.Whole;
import java.util.List;

/** {@code hardware:}: the device the model runs on. */
public final class HardwareKeys {
    public static final String CPU = "cpu";
    public static final String GPU = "gpu";

    public static final KeySpec DEVICE = KeySpec.of("device", new Choice(List.of(CPU, GPU)), "cpu or gpu.")
            .withDefault(CPU);
    public static final KeySpec DEVICE_ID = KeySpec.of("device-id", new Whole(0, 1023), "GPU ordinal (gpu only).")
            .withDefault(0L);

    public static final SectionRule.ZeroUnless GPU_ONLY_ID = new SectionRule.ZeroUnless(DEVICE_ID.name(), DEVICE.name(),
            GPU, "device-id applies to gpu only");

    public static final SectionSpec SECTION = new SectionSpec("hardware", "The device the model runs on.",
            List.of(DEVICE, DEVICE_ID), List.of(GPU_ONLY_ID));

    private HardwareKeys() {
    }
}
