package io.inferbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.HdrHistogram.Histogram;

/**
 * The histogram codec on any input: what it encodes decodes to the same histogram, and anything
 * else (random bytes, a truncated or bit-flipped encoding) is an IllegalArgumentException, never
 * another exception or a huge allocation.
 */
class HistogramCodecPropertiesTest {
    @Provide
    Arbitrary<List<Long>> latencies() {
        return Arbitraries.longs().between(1, HistogramCodec.HIGHEST_TRACKABLE_NANOS).list().ofMaxSize(500);
    }

    @Property(tries = 300)
    void whatIsEncodedDecodesToTheSameHistogram(@ForAll("latencies") List<Long> values) {
        Histogram h = HistogramCodec.newHistogram();
        values.forEach(h::recordValue);
        Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));
        assertEquals(h, back);
        assertEquals(h.getTotalCount(), back.getTotalCount());
        assertEquals(h.getValueAtPercentile(99), back.getValueAtPercentile(99));
    }

    @Property(tries = 500)
    void randomBytesAreRefusedAsCorrupt(@ForAll @Size(max = 300) byte[] bytes) {
        String text = Base64.getEncoder().encodeToString(bytes);
        if (!text.isEmpty()) {
            assertThrows(IllegalArgumentException.class, () -> HistogramCodec.decode(text));
        }
    }

    @Property(tries = 300)
    void aTruncatedEncodingIsRefusedAsCorrupt(@ForAll("latencies") List<Long> values,
                                              @ForAll @IntRange(min = 1, max = 1000) int cut) {
        Histogram h = HistogramCodec.newHistogram();
        values.forEach(h::recordValue);
        byte[] bytes = Base64.getDecoder().decode(HistogramCodec.encode(h));
        int keep = Math.max(0, bytes.length - cut);
        byte[] truncated = java.util.Arrays.copyOf(bytes, keep);
        String text = Base64.getEncoder().encodeToString(truncated);
        if (!text.isEmpty()) {
            assertThrows(IllegalArgumentException.class, () -> HistogramCodec.decode(text));
        }
    }

    @Property(tries = 500)
    void aFlippedByteDecodesOrIsRefusedButNeverThrowsAnythingElse(@ForAll("latencies") List<Long> values,
                                                                  @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                                  @ForAll byte xor) {
        Histogram h = HistogramCodec.newHistogram();
        values.forEach(h::recordValue);
        byte[] bytes = Base64.getDecoder().decode(HistogramCodec.encode(h));
        bytes[at % bytes.length] ^= (byte) (xor == 0 ? 1 : xor);
        try {
            HistogramCodec.decode(Base64.getEncoder().encodeToString(bytes));
        } catch (IllegalArgumentException expected) {
            // refused as corrupt: fine
        }
    }

    @Property(tries = 200)
    void textThatIsNotBase64IsRefusedAsCorrupt(@ForAll @Size(min = 1, max = 100) String text) {
        try {
            HistogramCodec.decode(text);
        } catch (IllegalArgumentException expected) {
            // refused: fine; anything else fails the property
        }
    }
}
