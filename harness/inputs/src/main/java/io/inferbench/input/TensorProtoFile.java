package io.inferbench.input;

import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One ONNX {@code TensorProto} read from its protobuf bytes (an {@code input_0.pb} of ONNX's test-data
 * layout), with a hand-written reader of the few fields a tensor needs: {@code dims} (1),
 * {@code data_type} (2), {@code float_data} (4), {@code int32_data} (5), {@code int64_data} (7),
 * {@code name} (8), {@code raw_data} (9), {@code double_data} (10), {@code data_location} (14).
 *
 * <p>Why by hand: the input layer stays free of protobuf 3 and of harness/onnx's generated classes.
 * The optimizer's protobuf lives in its own class loader, and a second copy on the core class path
 * would be the kind of version clash that isolation exists to prevent; the wire format of these
 * fields is a page of code (varints, fixed 32/64-bit values, length-delimited bytes, packed or not).
 *
 * @param name   the tensor's name, empty when the file gives none
 * @param tensor its dtype, shape and elements
 */
record TensorProtoFile(String name, Tensor tensor) {
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_BYTES = 2;
    private static final int WIRE_FIXED32 = 5;
    /** {@code TensorProto.DataLocation.EXTERNAL}: the elements live in another file. */
    private static final long EXTERNAL = 1;

    /**
     * Parses one file's bytes.
     *
     * @param where the file, for error messages
     * @throws IllegalArgumentException naming {@code where} and what is wrong
     */
    static TensorProtoFile parse(byte[] bytes, String where) {
        Fields f = new Fields();
        Reader in = new Reader(bytes, where);
        while (in.more()) {
            long key = in.varint();
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (field) {
                case 1 -> in.longs(wire, f.dims);
                case 2 -> f.dataType = (int) in.expect(wire, WIRE_VARINT, "data_type").varint();
                case 4 -> in.fixed32s(wire, f.floats);
                case 5 -> in.longs(wire, f.int32s);
                case 7 -> in.longs(wire, f.int64s);
                case 8 -> f.name = new String(in.expect(wire, WIRE_BYTES, "name").bytes(), StandardCharsets.UTF_8);
                case 9 -> f.raw = in.expect(wire, WIRE_BYTES, "raw_data").bytes();
                case 10 -> in.fixed64s(wire, f.doubles);
                case 14 -> f.location = in.expect(wire, WIRE_VARINT, "data_location").varint();
                default -> in.skip(wire);
            }
        }
        if (f.location == EXTERNAL) {
            throw new IllegalArgumentException(where + ": the tensor's data is external (data_location: EXTERNAL); "
                    + "save it with its data inside the .pb file");
        }
        DType dtype = dtype(f.dataType, where);
        long[] shape = f.dims.stream().mapToLong(Long::longValue).toArray();
        return new TensorProtoFile(f.name, new Tensor(dtype, shape, elements(f, dtype, shape, where)));
    }

    /** The fields as read; repeated ones in file order. */
    private static final class Fields {
        final List<Long> dims = new ArrayList<>();
        final List<Long> int32s = new ArrayList<>();
        final List<Long> int64s = new ArrayList<>();
        final List<Integer> floats = new ArrayList<>();
        final List<Long> doubles = new ArrayList<>();
        int dataType;
        String name = "";
        byte[] raw;
        long location;
    }

    /** ONNX's {@code TensorProto.DataType} numbers for the element types InferBench feeds. */
    private static DType dtype(int code, String where) {
        return switch (code) {
            case 1 -> DType.FLOAT32;
            case 2 -> DType.UINT8;
            case 3 -> DType.INT8;
            case 5 -> DType.INT16;
            case 6 -> DType.INT32;
            case 7 -> DType.INT64;
            case 9 -> DType.BOOL;
            case 10 -> DType.FLOAT16;
            case 11 -> DType.FLOAT64;
            case 16 -> DType.BFLOAT16;
            case 0 -> throw new IllegalArgumentException(where + ": no data_type (field 2): not an ONNX TensorProto?");
            default -> throw new IllegalArgumentException(where + ": ONNX data_type " + code + " ("
                    + onnxName(code) + ") is not supported; supported: float, double, float16, bfloat16, int8, "
                    + "uint8, int16, int32, int64, bool");
        };
    }

    private static String onnxName(int code) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
            "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return code >= 0 && code < names.length ? names[code] : "unknown";
    }

    /** The elements in native order, from raw_data (little-endian) or the typed repeated field. */
    private static ByteBuffer elements(Fields f, DType dtype, long[] shape, String where) {
        long n = Tensor.elementCount(shape);
        ByteBuffer out = Tensor.allocate(dtype, shape);
        if (f.raw != null) {
            if (f.raw.length != n * dtype.byteSize()) {
                throw new IllegalArgumentException(where + ": raw_data holds " + f.raw.length + " bytes, the shape "
                        + java.util.Arrays.toString(shape).replace(" ", "") + " of " + dtype.id() + " needs "
                        + n * dtype.byteSize());
            }
            ByteBuffer raw = ByteBuffer.wrap(f.raw).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < n; i++) {
                switch (dtype.byteSize()) {
                    case 1 -> out.put(raw.get());
                    case 2 -> out.putShort(raw.getShort());
                    case 4 -> out.putInt(raw.getInt());
                    default -> out.putLong(raw.getLong());
                }
            }
            return out.flip();
        }
        int given = switch (dtype) {
            case FLOAT32 -> f.floats.size();
            case FLOAT64 -> f.doubles.size();
            case INT64 -> f.int64s.size();
            default -> f.int32s.size();
        };
        if (given != n) {
            throw new IllegalArgumentException(where + ": " + given + " elements for the shape "
                    + java.util.Arrays.toString(shape).replace(" ", "") + " (" + n + " elements)");
        }
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case FLOAT32 -> out.putInt(f.floats.get(i));
                case FLOAT64 -> out.putLong(f.doubles.get(i));
                case INT64 -> out.putLong(f.int64s.get(i));
                case INT32 -> out.putInt((int) (long) f.int32s.get(i));
                // ONNX keeps 16-bit types (float16 and bfloat16 as their bits) and 8-bit ones in int32_data.
                case FLOAT16, BFLOAT16, INT16 -> out.putShort((short) (long) f.int32s.get(i));
                default -> out.put((byte) (long) f.int32s.get(i));
            }
        }
        return out.flip();
    }

    /** Protobuf's wire format over a byte array, each malformed value an error naming the file. */
    private static final class Reader {
        private final ByteBuffer in;
        private final String where;

        Reader(byte[] bytes, String where) {
            this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.where = where;
        }

        boolean more() {
            return in.hasRemaining();
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (!in.hasRemaining()) {
                    throw truncated();
                }
                byte b = in.get();
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException(where + ": a varint longer than 10 bytes at byte " + in.position()
                    + ": not a protobuf file?");
        }

        byte[] bytes() {
            long length = varint();
            if (length < 0 || length > in.remaining()) {
                throw truncated();
            }
            byte[] b = new byte[(int) length];
            in.get(b);
            return b;
        }

        Reader expect(int wire, int expected, String field) {
            if (wire != expected) {
                throw new IllegalArgumentException(where + ": field " + field + " has wire type " + wire + ", expected "
                        + expected + " at byte " + in.position() + ": not an ONNX TensorProto?");
            }
            return this;
        }

        /** A repeated varint field, packed (one length-delimited run) or one value per key. */
        void longs(int wire, List<Long> out) {
            if (wire == WIRE_BYTES) {
                Reader packed = new Reader(bytes(), where);
                while (packed.more()) {
                    out.add(packed.varint());
                }
            } else {
                out.add(expect(wire, WIRE_VARINT, "varint").varint());
            }
        }

        void fixed32s(int wire, List<Integer> out) {
            if (wire == WIRE_BYTES) {
                ByteBuffer b = ByteBuffer.wrap(bytes()).order(ByteOrder.LITTLE_ENDIAN);
                while (b.remaining() >= 4) {
                    out.add(b.getInt());
                }
            } else {
                expect(wire, WIRE_FIXED32, "float_data");
                need(4);
                out.add(in.getInt());
            }
        }

        void fixed64s(int wire, List<Long> out) {
            if (wire == WIRE_BYTES) {
                ByteBuffer b = ByteBuffer.wrap(bytes()).order(ByteOrder.LITTLE_ENDIAN);
                while (b.remaining() >= 8) {
                    out.add(b.getLong());
                }
            } else {
                expect(wire, WIRE_FIXED64, "double_data");
                need(8);
                out.add(in.getLong());
            }
        }

        void skip(int wire) {
            switch (wire) {
                case WIRE_VARINT -> varint();
                case WIRE_FIXED64 -> {
                    need(8);
                    in.position(in.position() + 8);
                }
                case WIRE_BYTES -> bytes();
                case WIRE_FIXED32 -> {
                    need(4);
                    in.position(in.position() + 4);
                }
                default -> throw new IllegalArgumentException(where + ": wire type " + wire + " at byte "
                        + in.position() + ": not a protobuf file?");
            }
        }

        private void need(int n) {
            if (in.remaining() < n) {
                throw truncated();
            }
        }

        private IllegalArgumentException truncated() {
            return new IllegalArgumentException(where + ": cut short at byte " + in.position()
                    + ": not a complete protobuf TensorProto");
        }
    }
}
