package io.inferbench.input;

import io.inferbench.api.DType;

/**
 * One model input as it will be fed.
 *
 * @param name  input name
 * @param dtype element type
 * @param shape concrete shape
 * @param low   lowest random value (inclusive)
 * @param high  highest random value (exclusive)
 * @param role  what fills it
 * @param declared the shape the model declares (-1 for a dynamic dimension)
 */
record ResolvedInput(String name, DType dtype, long[] shape, double low, double high, InputRole role,
                     long[] declared) {
}
