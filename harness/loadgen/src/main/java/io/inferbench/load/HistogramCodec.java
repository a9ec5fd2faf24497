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

    /**
     * Decodes a histogram written by {@link #encode}; null or empty input gives an empty histogram.
     * Anything else that is not such a histogram (a hand edit, a truncated file) is an
     * {@link CorruptHistogramException} (an {@link IllegalArgumentException}), never another exception, and never a huge allocation: the
     * header's range and precision are checked before HdrHistogram sizes its arrays from them.
     */
    public static Histogram decode(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return newHistogram();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            checkHeader(bytes);
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 1);
        } catch (DataFormatException | RuntimeException e) {
            throw new CorruptHistogramException("corrupt histogram in result: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** Cookie of HdrHistogram's compressed V2 encoding, the one {@link #encode} writes. */
    private static final int COMPRESSED_V2_COOKIE = 0x1c849304;
    /** The uncompressed V2 header: cookie, payload length, offset, digits, lowest, highest, ratio. */
    private static final int HEADER_BYTES = 40;
    /** Widest range decoded: far above what {@link #newHistogram} tracks, far below what would exhaust the heap. */
    static final long MAX_DECODED_HIGHEST = 100 * HIGHEST_TRACKABLE_NANOS;

    private static void checkHeader(byte[] bytes) throws DataFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || (b.getInt() & ~0xf0) != (COMPRESSED_V2_COOKIE & ~0xf0)) {
            throw new DataFormatException("not a compressed HdrHistogram (V2)");
        }
        int length = b.getInt();
        if (length <= 0 || length > bytes.length - 8) {
            throw new DataFormatException("truncated: " + (bytes.length - 8) + " of " + length + " bytes");
        }
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        byte[] header = new byte[HEADER_BYTES];
        try {
            inflater.setInput(bytes, 8, length);
            if (inflater.inflate(header) < HEADER_BYTES) {
                throw new DataFormatException("header too short");
            }
        } finally {
            inflater.end();
        }
        ByteBuffer h = ByteBuffer.wrap(header);
        h.getInt();
        int payload = h.getInt();
        h.getInt();
        int digits = h.getInt();
        long lowest = h.getLong();
        long highest = h.getLong();
        if (digits < 0 || digits > 5 || lowest < 1 || highest < 2 * lowest || highest > MAX_DECODED_HIGHEST
                || payload < 0 || payload > (long) bytes.length * 1000) {
            throw new DataFormatException("implausible header (" + digits + " digits, range " + lowest + ".."
                    + highest + ", " + payload + " payload bytes)");
        }
    }
}
