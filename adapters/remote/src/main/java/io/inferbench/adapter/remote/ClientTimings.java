package io.inferbench.adapter.remote;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client's side of a request's time, over every runner of a session: serializing (in
 * {@code prepare}, outside the timed region), waiting for the answer (send to received), and decoding
 * it. Each is recorded into an HdrHistogram {@link Recorder} (wait-free for the recording threads, no
 * object per request) and reported as mean, p50 and p99 in the session's properties. The wait and
 * decode figures restart at {@link #restart} (the measurement's start), serializing happens before it.
 */
final class ClientTimings {
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private final Recorder serializeRecorder = recorder();
    private final Recorder waitRecorder = recorder();
    private final Recorder decodeRecorder = recorder();
    // Guarded by this: what the recorders handed over so far.
    private final Histogram serialize = histogram();
    private final Histogram wait = histogram();
    private final Histogram decode = histogram();

    private static Recorder recorder() {
        return new Recorder(1, HIGHEST_NANOS, 3);
    }

    private static Histogram histogram() {
        return new Histogram(1, HIGHEST_NANOS, 3);
    }

    void serialized(long nanos) {
        serializeRecorder.recordValue(clamp(nanos));
    }

    void called(long waitedNanos, long decodedNanos) {
        waitRecorder.recordValue(clamp(waitedNanos));
        decodeRecorder.recordValue(clamp(decodedNanos));
    }

    /** Forgets the waits and decodes so far: what follows is the measurement. */
    synchronized void restart() {
        waitRecorder.getIntervalHistogram();
        decodeRecorder.getIntervalHistogram();
        wait.reset();
        decode.reset();
    }

    synchronized Map<String, String> properties() {
        serialize.add(serializeRecorder.getIntervalHistogram());
        wait.add(waitRecorder.getIntervalHistogram());
        decode.add(decodeRecorder.getIntervalHistogram());
        Map<String, String> out = new LinkedHashMap<>();
        out.put("client-requests", Long.toString(wait.getTotalCount()));
        summarize(out, "client-serialize-ms", serialize);
        summarize(out, "client-wait-ms", wait);
        summarize(out, "client-deserialize-ms", decode);
        return out;
    }

    private static void summarize(Map<String, String> out, String key, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        out.put(key + "-mean", ms(h.getMean()));
        out.put(key + "-p50", ms(h.getValueAtPercentile(50)));
        out.put(key + "-p99", ms(h.getValueAtPercentile(99)));
    }

    private static long clamp(long nanos) {
        return Math.max(1, Math.min(nanos, HIGHEST_NANOS));
    }

    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.4f", nanos / 1e6);
    }
}
