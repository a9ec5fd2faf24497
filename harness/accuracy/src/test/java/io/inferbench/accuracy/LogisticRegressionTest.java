package io.inferbench.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Golden values from an independent computation: SciPy 1.17's BFGS minimising the same penalised
 * log-loss ({@code sum log(1 + e^z) - y z + l2/2 |w|^2}, intercept unpenalised) to gtol 1e-12
 * (the script is in the comment of {@link #X}).
 */
class LogisticRegressionTest {
    /*
     * import numpy as np; from scipy.optimize import minimize
     * def f(w, l2): z = X @ w[:3] + w[3]; return np.sum(np.logaddexp(0, z) - y * z) + l2 / 2 * np.sum(w[:3] ** 2)
     * minimize(f, np.zeros(4), args=(l2,), method='BFGS', options={'gtol': 1e-12}).x
     */
    static final double[][] X = {{0.5, 1.2, -0.3}, {1.5, -0.4, 0.8}, {-1.1, 0.3, 0.9}, {0.2, -1.5, -0.7},
            {2.0, 0.1, 0.4}, {-0.6, -0.9, 1.3}, {1.1, 1.4, -1.2}, {-1.8, 0.7, 0.2}, {0.9, -0.2, -0.5},
            {-0.3, 1.9, 0.6}, {1.3, -1.1, 1.0}, {-0.9, -0.4, -1.4}};
    static final int[] Y = {1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0};

    @Test
    void binaryWeightsMatchScipy() {
        assertArrayEquals(new double[] {1.61092643, 0.25480222, -0.09613552, -0.45810962},
                LogisticRegression.fit(X, Y, 2, 1.0).weights(0), 1e-6);
        assertArrayEquals(new double[] {3.81912696, 0.67978934, -0.28853677, -1.37267726},
                LogisticRegression.fit(X, Y, 2, 0.1).weights(0), 1e-6);
    }

    @Test
    void lossAtTheOptimumMatchesScipy() {
        double[] y = new double[Y.length];
        for (int i = 0; i < Y.length; i++) {
            y[i] = Y[i];
        }
        double[] w = LogisticRegression.fit(X, Y, 2, 1.0).weights(0);
        assertEquals(4.083873676263796, LogisticRegression.loss(X, y, w, 1.0), 1e-9);
    }

    @Test
    void oneVersusRestForThreeClasses() {
        int[] y3 = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        LogisticRegression m = LogisticRegression.fit(X, y3, 3, 1.0);
        assertArrayEquals(new double[] {0.19610756, 0.73894271, -0.66932671, -0.88483466}, m.weights(0), 1e-6);
        assertArrayEquals(new double[] {0.49186055, -0.16808398, 0.7299565, -0.97748786}, m.weights(1), 1e-6);
        assertArrayEquals(new double[] {-0.67962982, -0.53344483, -0.05899126, -0.60702407}, m.weights(2), 1e-6);
        // The prediction is the class whose one-vs-rest score is highest.
        double[] x = X[4];
        double best = Double.NEGATIVE_INFINITY;
        int expected = -1;
        for (int k = 0; k < 3; k++) {
            double[] w = m.weights(k);
            double s = w[3] + w[0] * x[0] + w[1] * x[1] + w[2] * x[2];
            if (s > best) {
                best = s;
                expected = k;
            }
        }
        assertEquals(expected, m.predict(x));
    }

    @Test
    void separatesSeparableData() {
        double[][] x = {{-2}, {-1}, {-0.5}, {0.5}, {1}, {2}};
        int[] y = {0, 0, 0, 1, 1, 1};
        LogisticRegression m = LogisticRegression.fit(x, y, 2, 0.01);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], m.predict(x[i]));
        }
    }

    @Test
    void rejectsOneClassAndBadPenalty() {
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(X, Y, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(X, Y, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(X, new int[3], 2, 1));
    }
}
