package io.inferbench.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ResultJson;
import io.inferbench.result.RunResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The run's query trace ({@code run.trace: true}), joined from its forks' {@link TracePiece}s into
 * two files beside {@code result.json}, as LoadGen's detailed log has it:
 * <ul>
 *   <li>{@value #CSV}: one row per query, {@value #CSV_HEADER}; times in nanoseconds since the run's
 *       {@code startedAt}; {@code query} numbers a phase's queries in the order they completed.</li>
 *   <li>{@value #JSON}: Chrome's Trace Event Format (Perfetto, {@code chrome://tracing}): one complete
 *       event ({@code "ph": "X"}) per query from its start to its end, {@code ts} and {@code dur} in
 *       microseconds since the run's start; a configuration is a process, a fork's worker a thread; the
 *       scheduled time and the wait before the start are in the event's {@code args}.</li>
 * </ul>
 * Both are written through a temporary file and a rename, as results are.
 */
public final class RunTrace {
    public static final String CSV = "trace.csv.gz";
    public static final String JSON = "trace.json";
    static final String CSV_HEADER = "configuration,fork,phase,worker,query,sample,scheduled_ns,start_ns,end_ns,ok";
    /** Thread ids per fork in the Chrome trace: fork N's worker W is thread N * this + W. */
    static final int THREADS_PER_FORK = 100_000;

    private RunTrace() {
    }

    /**
     * Writes the trace of every configuration of {@code run} that left pieces in {@code pieces}.
     *
     * @return true when there was anything to write (else nothing is written)
     */
    public static boolean write(RunResult run, Path pieces, Path runDir) throws IOException {
        List<ConfigurationResult> traced = new ArrayList<>();
        for (ConfigurationResult c : run.configurations()) {
            if (!TracePiece.of(pieces, c.id()).isEmpty()) {
                traced.add(c);
            }
        }
        if (traced.isEmpty()) {
            return false;
        }
        long originNanos = epochNanos(run.startedAt());
        Path csvTmp = Files.createTempFile(runDir, "." + CSV, ".tmp");
        Path jsonTmp = Files.createTempFile(runDir, "." + JSON, ".tmp");
        try {
            try (Writer csv = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
                    Files.newOutputStream(csvTmp), 1 << 16), StandardCharsets.US_ASCII), 1 << 16);
                 OutputStream jsonOut = new java.io.BufferedOutputStream(Files.newOutputStream(jsonTmp), 1 << 16);
                 JsonGenerator json = ResultJson.mapper().getFactory().createGenerator(jsonOut, JsonEncoding.UTF8)) {
                csv.write(CSV_HEADER);
                csv.write('\n');
                json.writeStartObject();
                json.writeStringField("displayTimeUnit", "ms");
                json.writeArrayFieldStart("traceEvents");
                for (int p = 0; p < traced.size(); p++) {
                    writeConfiguration(traced.get(p), p + 1, pieces, originNanos, csv, json);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            TracePiece.move(csvTmp, runDir.resolve(CSV));
            TracePiece.move(jsonTmp, runDir.resolve(JSON));
        } finally {
            Files.deleteIfExists(csvTmp);
            Files.deleteIfExists(jsonTmp);
        }
        return true;
    }

    private static void writeConfiguration(ConfigurationResult c, int pid, Path pieces, long originNanos, Writer csv,
                                           JsonGenerator json) throws IOException {
        metadata(json, "process_name", pid, 0, c.id() + " " + c.label());
        String prefix = c.id() + "-fork";
        for (Path piece : TracePiece.of(pieces, c.id())) {
            int fork = TracePiece.fork(piece, prefix);
            java.util.Set<Integer> workers = new java.util.TreeSet<>();
            IOException[] failure = new IOException[1];
            TracePiece.read(piece, row -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    writeRow(c.id(), fork, pid, row, originNanos, csv, json);
                    workers.add(row.worker());
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            for (int w : workers) {
                metadata(json, "thread_name", pid, tid(fork, w), "fork " + fork + " worker " + w);
            }
        }
    }

    private static void writeRow(String id, int fork, int pid, TracePiece.Row row, long originNanos, Writer csv,
                                 JsonGenerator json) throws IOException {
        long scheduled = row.scheduledNanos() - originNanos;
        long start = row.startNanos() - originNanos;
        long end = row.endNanos() - originNanos;
        csv.write(id + ',' + fork + ',' + row.phase() + ',' + row.worker() + ',' + row.query() + ',' + row.sample()
                + ',' + scheduled + ',' + start + ',' + end + ',' + (row.ok() ? '1' : '0') + '\n');
        json.writeStartObject();
        json.writeStringField("name", row.phase() + " " + row.query());
        json.writeStringField("cat", row.phase());
        json.writeStringField("ph", "X");
        json.writeNumberField("ts", micros(start));
        json.writeNumberField("dur", micros(end - start));
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid(fork, row.worker()));
        json.writeObjectFieldStart("args");
        json.writeNumberField("sample", row.sample());
        json.writeNumberField("scheduled_us", micros(scheduled));
        json.writeNumberField("wait_us", micros(start - scheduled));
        json.writeNumberField("latency_us", micros(end - scheduled));
        json.writeBooleanField("ok", row.ok());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void metadata(JsonGenerator json, String name, int pid, int tid, String value) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("ph", "M");
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        json.writeObjectFieldStart("args");
        json.writeStringField("name", value);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static int tid(int fork, int worker) {
        return fork * THREADS_PER_FORK + worker;
    }

    /** Microseconds, to the nanosecond (three decimals): the format's unit. */
    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
