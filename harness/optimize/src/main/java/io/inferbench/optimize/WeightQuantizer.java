package io.inferbench.optimize;

import java.util.List;

/**
 * Quantizes float weights as ONNX Runtime's quantizer does ({@code quant_utils.compute_scale_zp},
 * {@code quantize_nparray}): the range always includes 0; int8 is symmetric in [-127, 127] with zero point
 * 0, uint8 asymmetric in [0, 255]; {@code q = clip(round_half_even(x / scale) + zero_point)}; a zero range
 * gets scale 1.
 */
final class WeightQuantizer {
    private WeightQuantizer() {
    }

    /** Quantized values with one (scale, zero point) per channel, or a single pair when per tensor. */
    record Quantized(int dataType, byte[] values, float[] scales, byte[] zeroPoints) {
    }

    /**
     * @param axis the channel axis for per-channel quantization, or -1 for one scale over the tensor
     */
    static Quantized quantize(float[] values, List<Long> dims, int dataType, int axis) {
        boolean symmetric = dataType == Tensors.INT8;
        int qmin = symmetric ? -127 : 0;
        int qmax = symmetric ? 127 : 255;
        int channels = axis < 0 ? 1 : dims.get(axis).intValue();
        long stride = 1;
        for (int d = axis + 1; axis >= 0 && d < dims.size(); d++) {
            stride *= dims.get(d);
        }
        float[] min = new float[channels];
        float[] max = new float[channels];
        for (int i = 0; i < values.length; i++) {
            int c = channel(i, stride, channels, axis);
            min[c] = Math.min(min[c], values[i]);
            max[c] = Math.max(max[c], values[i]);
        }
        float[] scales = new float[channels];
        int[] zeroPoints = new int[channels];
        for (int c = 0; c < channels; c++) {
            float rmin = min[c];
            float rmax = max[c];
            if (symmetric) {
                float absMax = Math.max(Math.abs(rmin), Math.abs(rmax));
                rmin = -absMax;
                rmax = absMax;
            }
            float scale = (rmax - rmin) / (qmax - qmin);
            if (scale < Math.ulp(1f)) {
                scales[c] = 1f;
                zeroPoints[c] = 0;
            } else {
                scales[c] = scale;
                zeroPoints[c] = clip((int) Math.rint(qmin - rmin / scale), qmin, qmax);
            }
        }
        byte[] q = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int c = channel(i, stride, channels, axis);
            q[i] = (byte) clip((int) Math.rint(values[i] / scales[c]) + zeroPoints[c], qmin, qmax);
        }
        byte[] zp = new byte[channels];
        for (int c = 0; c < channels; c++) {
            zp[c] = (byte) zeroPoints[c];
        }
        return new Quantized(dataType, q, scales, zp);
    }

    private static int channel(int index, long stride, int channels, int axis) {
        return axis < 0 ? 0 : (int) ((index / stride) % channels);
    }

    private static int clip(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
