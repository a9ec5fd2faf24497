package io.inferbench.gate;

/**
 * The history test: is tonight's value one the series' earlier nights would predict? With the
 * history's mean m and standard deviation s over K runs, a new value x from the same (normal)
 * distribution gives t = (x − m) / (s·√(1 + 1/K)), Student-t with K − 1 degrees of freedom: s
 * measures the between-run noise itself (each night's value already carries its within-run noise),
 * and the 1/K term the uncertainty of m. This is a prediction interval, not a comparison of means:
 * tonight is one run, not a sample of runs.
 */
final class PredictionTest {
    private PredictionTest() {
    }

    /**
     * @param history earlier values on the statistics' scale, at least two
     * @param current tonight's value on the same scale
     */
    static Evidence of(double[] history, double current, Method method) {
        int k = history.length;
        if (k < 2) {
            throw new IllegalArgumentException("the prediction test needs two or more earlier runs, got " + k);
        }
        double mean = 0;
        for (double v : history) {
            mean += v;
        }
        mean /= k;
        double squares = 0;
        for (double v : history) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (k - 1));
        return new Evidence(current - mean, sd * Math.sqrt(1 + 1.0 / k), k - 1, k, method);
    }
}
