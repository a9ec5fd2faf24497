package io.inferbench.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Encodes latency histograms (values in nanoseconds) for the result JSON: HdrHistogram's own
 * compressed format in base64, so results can be re-analysed and merged by any HdrHistogram tool.
 */
public final class HistogramCodec {
    /** Highest latency a histogram tracks: one hour, in nanoseconds. */
    public static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    /** Three significant digits: 0.1% value resolution at every magnitude. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private HistogramCodec() {
    }

    /** A fresh histogram with the project's range and precision. */
    public static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[n];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes a histogram written by {@link #encode}; null or empty input gives an empty histogram. */
    public static Histogram decode(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return newHistogram();
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 1);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt histogram in result: " + e.getMessage(), e);
        }
    }
}
