package io.inferbench.run;

import io.inferbench.load.LoadResult;
import io.inferbench.load.Phase;
import io.inferbench.load.QueryTrace;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One fork's query trace on disk ({@code traces/<id>-fork<N>.csv.gz}): what the process that ran
 * the load writes after its measurement, and the run's {@link RunTrace} joins into the run's files.
 * Times are nanoseconds since the epoch (each process places its monotonic clock on the wall
 * clock once), so forks of different JVMs line up on one timeline.
 */
final class TracePiece {
    static final String HEADER = "phase,worker,query,sample,scheduled_ns,start_ns,end_ns,ok";
    private static final String SUFFIX = ".csv.gz";

    /** One load run's trace; {@code label} names a peak search's probe, empty otherwise. */
    record Segment(String label, QueryTrace trace) {
        /** The trace of {@code load}, if it has one. */
        static List<Segment> of(String label, LoadResult load) {
            return load.trace() == null ? List.of() : List.of(new Segment(label, load.trace()));
        }
    }

    /** One query as read back: the phase as written, times in nanoseconds since the epoch. */
    record Row(String phase, int worker, long query, int sample, long scheduledNanos, long startNanos, long endNanos,
               boolean ok) {
    }

    private TracePiece() {
    }

    /** Where the trace of {@code configurationId}'s fork {@code fork} goes. */
    static Path file(Path dir, String configurationId, int fork) {
        return dir.resolve(configurationId + "-fork" + fork + SUFFIX);
    }

    /** The pieces of {@code configurationId} in {@code dir}, by fork number. */
    static List<Path> of(Path dir, String configurationId) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String prefix = configurationId + "-fork";
        try (var files = Files.list(dir)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(SUFFIX)
                        && n.substring(prefix.length(), n.length() - SUFFIX.length()).matches("[0-9]+");
            }).sorted(java.util.Comparator.comparingInt(f -> fork(f, prefix))).toList();
        }
    }

    /** The fork number in a piece's name. */
    static int fork(Path piece, String prefix) {
        String n = piece.getFileName().toString();
        return Integer.parseInt(n.substring(prefix.length(), n.length() - SUFFIX.length()));
    }

    /** Writes the segments, through a temporary file and a rename (a reader never sees half a piece). */
    static void write(Path file, List<Segment> segments) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(tmp),
                    1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
                w.write(HEADER);
                w.write('\n');
                for (Segment s : segments) {
                    writeRows(w, s);
                }
            }
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeRows(Writer w, Segment s) throws IOException {
        QueryTrace t = s.trace();
        String prefix = s.label().isEmpty() ? "" : s.label().replace(',', ';') + " ";
        long[] perPhase = new long[Phase.values().length];
        for (int i = 0; i < t.size(); i++) {
            if (!t.written(i)) {
                continue;
            }
            Phase phase = t.phase(i);
            w.write(prefix + (phase == Phase.WARMUP ? "warmup" : "measurement"));
            w.write(',' + Integer.toString(t.worker(i)) + ',' + perPhase[phase.ordinal()]++ + ',' + t.sample(i) + ','
                    + t.scheduledEpochNanos(i) + ',' + t.startEpochNanos(i) + ',' + t.endEpochNanos(i) + ','
                    + (t.ok(i) ? '1' : '0') + '\n');
        }
    }

    /** Streams the rows of a piece to {@code rows}, in file order. */
    static void read(Path file, Consumer<Row> rows) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file),
                1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            String header = r.readLine();
            if (!HEADER.equals(header)) {
                throw new IOException(file + ": not a query trace (header " + header + ")");
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f = line.split(",", -1);
                if (f.length != 8) {
                    throw new IOException(file + ": line " + n + ": expected 8 fields, got " + f.length);
                }
                try {
                    rows.accept(new Row(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                            Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), f[7].equals("1")));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": line " + n + ": " + e.getMessage());
                }
            }
        }
    }

    static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
