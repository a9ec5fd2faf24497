package io.inferbench.accuracy;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * L2-regularised logistic regression, fitted exactly by Newton's method (the problem is strictly
 * convex, so the answer does not depend on a learning rate or an iteration budget, unlike SGD).
 * Binary: minimises {@code sum_i log(1 + exp(-y_i (w·x_i + b))) + l2/2 ||w||²} with the intercept
 * {@code b} not penalised — scikit-learn's {@code LogisticRegression(C = 1/l2)}. More classes:
 * one binary model per class against the rest, predicting the class with the highest score.
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    /** Weights per class (one row for two classes), the intercept last. */
    private final double[][] weights;
    private final int classes;

    private LogisticRegression(double[][] weights, int classes) {
        this.weights = weights;
        this.classes = classes;
    }

    /**
     * @param x      features, one row per item
     * @param labels class per item, 0 .. classes-1
     * @param l2     penalty strength ({@code 1/C}), > 0
     */
    public static LogisticRegression fit(double[][] x, int[] labels, int classes, double l2) {
        if (x.length == 0 || x.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one: " + x.length + " rows, "
                    + labels.length + " labels");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least two classes in the training data, got " + classes);
        }
        if (!(l2 > 0)) {
            throw new IllegalArgumentException("l2 must be > 0, got " + l2);
        }
        int models = classes == 2 ? 1 : classes;
        double[][] w = new double[models][];
        for (int k = 0; k < models; k++) {
            double[] y = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                y[i] = labels[i] == (classes == 2 ? 1 : k) ? 1 : 0;
            }
            w[k] = binary(x, y, l2);
        }
        return new LogisticRegression(w, classes);
    }

    /** Newton's method with step halving; y in {0, 1}. */
    static double[] binary(double[][] x, double[] y, double l2) {
        int d = x[0].length;
        double[] w = new double[d + 1];
        double loss = loss(x, y, w, l2);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(score(x[i], w));
                double r = p - y[i];
                double s = p * (1 - p);
                double[] xi = x[i];
                for (int a = 0; a < d; a++) {
                    g[a] += r * xi[a];
                    double sa = s * xi[a];
                    double[] ha = h[a];
                    for (int b = 0; b <= a; b++) {
                        ha[b] += sa * xi[b];
                    }
                    h[d][a] += sa;
                }
                g[d] += r;
                h[d][d] += s;
            }
            for (int a = 0; a < d; a++) {
                g[a] += l2 * w[a];
                h[a][a] += l2;
                for (int b = 0; b < a; b++) {
                    h[b][a] = h[a][b];
                }
                h[a][d] = h[d][a];
            }
            h[d][d] += 1e-12; // the unpenalised intercept: keeps the Hessian definite on one-class folds
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-14, 1e-300)
                    .getSolver().solve(new ArrayRealVector(g, false));
            double t = 1;
            double[] next = new double[d + 1];
            double nextLoss;
            do {
                for (int a = 0; a <= d; a++) {
                    next[a] = w[a] - t * step.getEntry(a);
                }
                nextLoss = loss(x, y, next, l2);
                t /= 2;
            } while (nextLoss > loss + 1e-12 * Math.abs(loss) && t > 1e-10);
            double change = 0;
            for (int a = 0; a <= d; a++) {
                change = Math.max(change, Math.abs(next[a] - w[a]));
            }
            System.arraycopy(next, 0, w, 0, d + 1);
            loss = nextLoss;
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /** The penalised negative log-likelihood. */
    static double loss(double[][] x, double[] y, double[] w, double l2) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = score(x[i], w);
            // log(1 + e^z) - y z, computed without overflow
            sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
        }
        double norm = 0;
        for (int a = 0; a < w.length - 1; a++) {
            norm += w[a] * w[a];
        }
        return sum + l2 / 2 * norm;
    }

    private static double score(double[] xi, double[] w) {
        int d = xi.length;
        double z = w[d];
        for (int a = 0; a < d; a++) {
            z += w[a] * xi[a];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** The predicted class of one item. */
    public int predict(double[] features) {
        if (classes == 2) {
            return score(features, weights[0]) > 0 ? 1 : 0;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double s = score(features, weights[k]);
            if (s > bestScore) {
                bestScore = s;
                best = k;
            }
        }
        return best;
    }

    /** Weights of binary model {@code k} (the only one for two classes), the intercept last; a copy. */
    public double[] weights(int k) {
        return weights[k].clone();
    }
}
