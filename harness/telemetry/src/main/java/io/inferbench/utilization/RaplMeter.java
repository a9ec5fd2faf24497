package io.inferbench.utilization;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Reads the CPU package energy counters of all packages; unreadable counters become one note. */
final class RaplMeter {
    private record Zone(Path energy, long maxRange) {
    }

    private final List<Zone> zones;
    private final Consumer<String> note;
    private long[] last;

    private RaplMeter(List<Zone> zones, Consumer<String> note) {
        this.zones = zones;
        this.note = note;
    }

    /** Finds the package zones under {@code root}; reports through {@code note} if there are none. */
    static RaplMeter open(Path root, Consumer<String> note) {
        List<Zone> zones = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            note.accept("RAPL: " + root + " not present (no powercap driver, a VM, or not Linux)");
            return new RaplMeter(zones, note);
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                if (Rapl.isPackageZone(dir.getFileName().toString(), readOrNull(dir.resolve("name")))) {
                    long max = Rapl.parseMicrojoules(readOrNull(dir.resolve("max_energy_range_uj"))).orElse(-1);
                    zones.add(new Zone(dir.resolve("energy_uj"), max));
                }
            }
        } catch (IOException | RuntimeException e) {
            note.accept("RAPL: " + TextFiles.unreadable(root, e));
        }
        zones.sort((a, b) -> a.energy().toString().compareTo(b.energy().toString()));
        if (zones.isEmpty()) {
            note.accept("RAPL: no CPU package zone under " + root);
        }
        return new RaplMeter(zones, note);
    }

    /**
     * Energy since the previous call, all packages together.
     *
     * @return joules; NaN on the first call, after a failed read (the span is then unknown) or
     *         without counters
     */
    double joulesSinceLast() {
        if (zones.isEmpty()) {
            return Double.NaN;
        }
        long[] now = new long[zones.size()];
        for (int i = 0; i < now.length; i++) {
            Path file = zones.get(i).energy();
            try {
                OptionalLong uj = Rapl.parseMicrojoules(TextFiles.read(file));
                if (uj.isEmpty()) {
                    note.accept("RAPL: " + file + " does not hold a number");
                    last = null;
                    return Double.NaN;
                }
                now[i] = uj.getAsLong();
            } catch (IOException | RuntimeException e) {
                // Since Linux 5.10 energy_uj is readable by root only (a side channel, CVE-2020-8694).
                note.accept("RAPL: " + TextFiles.unreadable(file, e)
                        + (e instanceof AccessDeniedException ? "; since Linux 5.10 only root may read it" : ""));
                last = null;
                return Double.NaN;
            }
        }
        long[] before = last;
        last = now;
        if (before == null) {
            return Double.NaN;
        }
        long total = 0;
        for (int i = 0; i < now.length; i++) {
            long d = Rapl.deltaMicrojoules(before[i], now[i], zones.get(i).maxRange());
            if (d < 0) {
                note.accept("RAPL: " + zones.get(i).energy() + " went backwards and its range is unknown");
                return Double.NaN;
            }
            total += d;
        }
        return total / 1e6;
    }

    private static String readOrNull(Path file) {
        try {
            return TextFiles.read(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
