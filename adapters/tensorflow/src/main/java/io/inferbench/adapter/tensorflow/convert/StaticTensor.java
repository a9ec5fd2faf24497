package io.inferbench.adapter.tensorflow.convert;

import io.inferbench.adapter.support.OnnxDataTypes;

/**
 * The values of a small constant known at conversion time (axes, shape vectors, scalars), kept
 * beside its graph constant so that converters can read attributes given as inputs.
 *
 * @param onnxType ONNX element type
 * @param dims     dimensions
 * @param longs    the values as longs (floats truncated)
 * @param doubles  the values as doubles
 */
record StaticTensor(int onnxType, long[] dims, long[] longs, double[] doubles) {
    StaticTensor {
        if (longs.length != doubles.length) {
            throw new IllegalArgumentException("longs and doubles differ in length");
        }
    }

    static StaticTensor ofLongs(long... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return new StaticTensor(OnnxDataTypes.INT64, new long[] {values.length}, values.clone(), d);
    }

    int size() {
        return longs.length;
    }

    boolean isScalarLike() {
        return longs.length == 1;
    }
}
