package io.inferbench.optimize;

/**
 * IEEE 754 binary16 conversion (Java 17 has no {@code Float.floatToFloat16}): round to nearest even, values
 * beyond float16's range clipped to its largest finite value and tiny nonzero values kept at its smallest
 * subnormal, as onnxconverter-common clips before casting.
 */
final class Float16 {
    static final float MAX_FINITE = 65504f;
    static final float MIN_POSITIVE_SUBNORMAL = 5.9604645e-8f;

    private Float16() {
    }

    /** {@code value} clipped into float16's finite range, then rounded to float16 bits. */
    static short fromFloat(float value) {
        if (Float.isNaN(value)) {
            return (short) 0x7e00;
        }
        float clipped = value;
        if (Math.abs(clipped) > MAX_FINITE) {
            clipped = Math.copySign(MAX_FINITE, clipped);
        } else if (clipped != 0 && Math.abs(clipped) < MIN_POSITIVE_SUBNORMAL) {
            clipped = Math.copySign(MIN_POSITIVE_SUBNORMAL, clipped);
        }
        return roundToBits(clipped);
    }

    private static short roundToBits(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
        int mantissa = bits & 0x7fffff;
        if (exponent <= 0) {
            // Subnormal in float16: shift the implicit leading 1 in, round to nearest even.
            if (exponent < -10) {
                return (short) sign;
            }
            mantissa |= 0x800000;
            int shift = 14 - exponent;
            int half = 1 << (shift - 1);
            int rounded = (mantissa + half - 1 + ((mantissa >>> shift) & 1)) >>> shift;
            return (short) (sign | rounded);
        }
        int rounded = mantissa + 0xfff + ((mantissa >>> 13) & 1);
        if ((rounded & 0x800000) != 0) {
            rounded = 0;
            exponent++;
        }
        if (exponent >= 31) {
            return (short) (sign | 0x7bff);
        }
        return (short) (sign | (exponent << 10) | (rounded >>> 13));
    }

    /** float16 bits back to float. */
    static float toFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * MIN_POSITIVE_SUBNORMAL;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
