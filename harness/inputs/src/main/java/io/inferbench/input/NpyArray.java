package io.inferbench.input;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One array in NumPy's {@code .npy} format: the magic {@code \x93NUMPY}, a version, a header length
 * (2 bytes in version 1, 4 in versions 2 and 3, little-endian), then a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}, then the data in C order.
 *
 * @param dtype element type
 * @param shape dimensions
 * @param data  the elements, native byte order, positioned at 0
 */
record NpyArray(DType dtype, long[] shape, ByteBuffer data) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Map<String, DType> TYPES = Map.ofEntries(Map.entry("f4", DType.FLOAT32),
            Map.entry("f8", DType.FLOAT64), Map.entry("f2", DType.FLOAT16), Map.entry("i1", DType.INT8),
            Map.entry("u1", DType.UINT8), Map.entry("i2", DType.INT16), Map.entry("i4", DType.INT32),
            Map.entry("i8", DType.INT64), Map.entry("b1", DType.BOOL));

    /**
     * Parses one {@code .npy} file's bytes.
     *
     * @param where the file (and entry) for error messages
     * @throws IllegalArgumentException naming {@code where} and what is wrong
     */
    static NpyArray parse(byte[] bytes, String where) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException(where + ": not a .npy file (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        in.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : in.getInt();
        if (in.position() + headerLength > bytes.length) {
            throw new IllegalArgumentException(where + ": the .npy header is cut short");
        }
        String header = new String(bytes, in.position(), headerLength, java.nio.charset.StandardCharsets.ISO_8859_1);
        in.position(in.position() + headerLength);
        Matcher d = DESCR.matcher(header);
        if (!d.find() || !TYPES.containsKey(d.group(2) + d.group(3))) {
            throw new IllegalArgumentException(where + ": unsupported .npy dtype in header " + header.trim()
                    + " (expected one of <f4 <f8 <f2 |i1 |u1 <i2 <i4 <i8 |b1)");
        }
        DType dtype = TYPES.get(d.group(2) + d.group(3));
        boolean bigEndian = d.group(1).equals(">") && !d.group(3).equals("1");
        Matcher f = FORTRAN.matcher(header);
        if (f.find() && f.group(1).equals("True")) {
            throw new IllegalArgumentException(where + ": Fortran-ordered arrays are not supported; save with "
                    + "numpy.ascontiguousarray first");
        }
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) {
            throw new IllegalArgumentException(where + ": the .npy header has no shape: " + header.trim());
        }
        long[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int bytesNeeded = Math.toIntExact(Tensor.elementCount(shape) * dtype.byteSize());
        if (in.remaining() < bytesNeeded) {
            throw new IllegalArgumentException(where + ": shape " + Arrays.toString(shape) + " of " + dtype.id()
                    + " needs " + bytesNeeded + " bytes of data, the file has " + in.remaining());
        }
        ByteBuffer source = in.slice().limit(bytesNeeded).order(bigEndian ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        return new NpyArray(dtype, shape, reorder(source, dtype));
    }

    /** The elements copied into native order. */
    private static ByteBuffer reorder(ByteBuffer source, DType dtype) {
        ByteBuffer out = ByteBuffer.allocateDirect(source.remaining()).order(ByteOrder.nativeOrder());
        int width = dtype.byteSize();
        while (source.hasRemaining()) {
            switch (width) {
                case 1 -> out.put(source.get());
                case 2 -> out.putShort(source.getShort());
                case 4 -> out.putInt(source.getInt());
                default -> out.putLong(source.getLong());
            }
        }
        return out.flip();
    }

    /** Sample {@code index} of an array whose first axis counts samples: shape without that axis. */
    Tensor slice(int index) {
        long[] inner = Arrays.copyOfRange(shape, 1, shape.length);
        int bytes = Math.toIntExact(Tensor.elementCount(inner) * dtype.byteSize());
        ByteBuffer part = data.duplicate().position(index * bytes).limit((index + 1) * bytes).slice();
        ByteBuffer copy = Tensor.allocate(dtype, inner).put(part.order(ByteOrder.nativeOrder()));
        return new Tensor(dtype, inner, copy.flip());
    }

    Tensor whole() {
        return new Tensor(dtype, shape, data.duplicate());
    }
}
