package io.inferbench.adapter.remote;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's side of a request's time, summed over every runner of a session: serializing (in
 * {@code prepare}, outside the timed region), waiting for the answer (send to received), and decoding
 * it. Reported as means in the session's properties; per-request figures would need the SPI to carry
 * extra timings.
 */
final class ClientTimings {
    private final LongAdder serializeCount = new LongAdder();
    private final LongAdder serializeNanos = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder decodeNanos = new LongAdder();

    void serialized(long nanos) {
        serializeCount.increment();
        serializeNanos.add(nanos);
    }

    void called(long waitedNanos, long decodedNanos) {
        calls.increment();
        waitNanos.add(waitedNanos);
        decodeNanos.add(decodedNanos);
    }

    Map<String, String> properties() {
        Map<String, String> out = new LinkedHashMap<>();
        long n = calls.sum();
        out.put("client-requests", Long.toString(n));
        long s = serializeCount.sum();
        if (s > 0) {
            out.put("client-serialize-ms-mean", ms(serializeNanos.sum(), s));
        }
        if (n > 0) {
            out.put("client-wait-ms-mean", ms(waitNanos.sum(), n));
            out.put("client-deserialize-ms-mean", ms(decodeNanos.sum(), n));
        }
        return out;
    }

    private static String ms(long nanos, long count) {
        return String.format(Locale.ROOT, "%.4f", nanos / 1e6 / count);
    }
}
