package io.inferbench.gate;

/**
 * How simulated nights vary, as standard deviations of the logarithm (0.03 ≈ 3%).
 *
 * @param name        how the figures name it
 * @param withinRun   each value's own sampling noise (what a within-run interval measures), per
 *                    configuration and metric
 * @param independent between-run noise of each configuration and metric on its own (JIT, memory layout)
 * @param common      between-run noise shared by every configuration and metric of a night: the machine
 *                    is slower tonight (latencies up, throughput down together)
 */
record NoiseModel(String name, double withinRun, double independent, double common) {
    /** (i) 3% between runs, all of it independent per configuration. */
    static final NoiseModel INDEPENDENT_3 = new NoiseModel("(i) 3% independent", 0.005, 0.03, 0);
    /** (ii) 3% between runs, mostly common to the night: 2.5% common, 1.5% independent. */
    static final NoiseModel MOSTLY_COMMON_3 = new NoiseModel("(ii) 2.5% common + 1.5% independent", 0.005, 0.015,
            0.025);
    /** (iii) 2% between runs, all independent. */
    static final NoiseModel INDEPENDENT_2 = new NoiseModel("(iii) 2% independent", 0.005, 0.02, 0);

    /** Night-to-night spread of one configuration's value: all three parts. */
    double total() {
        return Math.sqrt(withinRun * withinRun + independent * independent + common * common);
    }
}
