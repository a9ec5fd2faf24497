package io.inferbench.env;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Pure parsing of Linux {@code /proc/meminfo} text. */
public final class MemInfo {
    private MemInfo() {
    }

    /**
     * Total physical memory from the {@code MemTotal} line.
     *
     * @param meminfo contents of {@code /proc/meminfo}; may be null
     * @return bytes ({@code kB} is taken as 1024 bytes, as the kernel means it); empty when the
     *         line is absent, malformed or not positive
     */
    public static OptionalLong totalBytes(String meminfo) {
        Optional<String> value = CpuInfo.firstValue(meminfo, "MemTotal");
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        String[] parts = value.get().split("\\s+");
        long amount;
        try {
            amount = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        long unit = parts.length < 2 ? 1 : switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "b" -> 1L;
            case "kb" -> 1L << 10;
            case "mb" -> 1L << 20;
            case "gb" -> 1L << 30;
            default -> -1L;
        };
        if (amount <= 0 || unit <= 0 || amount > Long.MAX_VALUE / unit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(amount * unit);
    }
}
