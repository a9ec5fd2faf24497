/**
 * The nightly regression gate's decision: for each configuration and metric of tonight's run, a
 * verdict against that series' own history of earlier nights, built so that on a shared, noisy CI
 * machine the build fails when, and only when, something really got slower, less accurate or
 * heavier. This package sees plain observations ({@link io.inferbench.gate.RunObservations});
 * reading results, choosing the history (same scenario, same machine fingerprint), confirmation
 * reruns, the command and the CI formats sit on top of it.
 *
 * <h2>What is compared</h2>
 * <p>A series is one configuration's metric: p50, p99, throughput, the first accuracy task's main
 * metric, peak RSS or energy per inference. Its history is its values in the latest 30 earlier runs
 * (the lookback K). Latency, throughput, memory and energy change by a ratio and are compared on
 * logarithms, where a machine 3% slower moves a 1 ms and a 100 ms configuration alike; accuracy
 * changes by a difference in percentage points.
 *
 * <h2>The rule</h2>
 * <p>Tonight's value x is tested against the series' last K values, of mean m and standard
 * deviation s: t = (x − m) / (s·√(1 + 1/K)), a Student t with K − 1 degrees of freedom (a
 * prediction test: tonight is one more night, not a sample of nights). s is the between-run noise,
 * how much the series moved from night to night with each night's own sampling noise included;
 * that, not the spread within one run, is what says whether tonight is unusual. Within one run a
 * bootstrap calls every 2% drift of a shared machine significant.
 *
 * <p>A <b>regression</b> needs two things: the change beyond the metric's threshold in the worse
 * direction (5% for p50, p99 and throughput, 1 point for accuracy, 10% for peak RSS and for energy
 * per inference, whose counters read the whole package and so other jobs' power too), <b>and</b>
 * significance: its one-sided p-value, adjusted by Holm's method over all of the night's tests,
 * at most α = 0.005. An <b>improvement</b> is the same the other way. Beyond the threshold but not
 * significant is <b>inconclusive</b>; within the threshold, <b>unchanged</b>. A series with no
 * earlier run in the window is <b>new</b>; one the window has and tonight does not, <b>missing</b>.
 * Only a regression fails the gate. The threshold alone would fail a noisy series every few nights;
 * significance alone would flag changes too small to matter once the history is quiet.
 *
 * <p>Holm over the night's family keeps the chance that an unchanged night reports any regression
 * at most α, whatever the dependence between the tests. A 20-configuration scenario gated on p50,
 * p99 and throughput has 63 tests a night (60 series and 3 common shifts, below): the smallest
 * p-value is held to 0.005 / 63 ≈ 8·10⁻⁵, 4.3 standard errors at 29 degrees of freedom.
 * α = 0.005 rather than 0.01 leaves a factor of two for noise with heavier tails than the normal
 * the t test assumes; K = 30 is a month of nights: enough degrees of freedom that this t quantile is
 * within 15% of the normal one (3.8; at K = 20 it is 4.7), short enough that a legitimate change
 * leaves the window in a month.
 *
 * <p>Every assessed verdict carries its figures ({@link io.inferbench.gate.Figures}): the change
 * (ratio, or points) and its 95% interval, the threshold, the raw and the Holm-adjusted p-value, the
 * number of earlier runs used, the method, and the minimum detectable effect: the smallest true
 * worsening this rule would report as a regression with 80% power, given the series' noise, the
 * threshold and the night's number of tests. A history that cannot see a 5% change says so.
 *
 * <p>With fewer than 3 earlier runs there is no spread to speak of, and the verdict falls back to
 * within-run statistics against the latest earlier run, saying so in its method: Welch's t on the
 * fork medians when both runs have two or more forks, else a normal test on the within-run 95%
 * intervals, else (no interval) the threshold alone, never significant. These do not see how much
 * the machine drifts between nights, so the threshold does the work there.
 *
 * <h2>Machine drift</h2>
 * <p>On a shared machine much of the night-to-night noise is common to all configurations of a run:
 * the machine is slower tonight, for every configuration alike. With the common-mode correction (on
 * by default, for metrics with at least 5 configurations with history) each configuration is judged
 * by its change relative to the median change of the <em>other</em> configurations that night, its
 * residual, tested against its own residuals on earlier nights. The median, so that a configuration
 * that really changed barely moves what the others are judged by; of the others, because with its
 * own value in the median the test came out 1.2 to 1.5 times too liberal in the far tail (measured;
 * against the others' median it keeps its level: 0.97% of A/A residuals at p ≤ 1%, 0.10% at
 * p ≤ 0.1%). A change common to <em>all</em> configurations (a harness or library regression) is
 * not lost: the night's common shift, the median change over all configurations, is itself tested
 * against earlier nights' common shifts, with the same threshold, in the same Holm family, and a
 * regression of it fails the gate.
 *
 * <h2>Figures</h2>
 * <p>Seeded simulated nights of a 20-configuration scenario (p50, p99 and throughput gated, 60
 * series; 0.5% within-run noise on each value), under three models of the between-run noise:
 * (i) 3% independent per configuration and metric; (ii) 3% mostly common to the night, 2.5% common
 * and 1.5% independent; (iii) 2% independent. False alarms: 100 consecutive A/A nights, each against
 * the 30 before it. Power: 200 trials, each a fresh 30-night history and a night with one
 * configuration 10% slower (latencies ×1.10, throughput ÷1.10), "detected" when that configuration
 * is reported as a regression on any of its metrics; the same trials with a 3% slowdown and with
 * all configurations 10% slower. Printed by {@code GateFiguresTest}:
 * <pre>
 * noise  correction  false-alarm  10% one config    3% slower:    10% all    detectable (p50)
 *                    nights       any (p50 alone)   impr. / regr. configs    one config / common
 * (i)    on          1/100        34.0% (11.0%)     0 / 0         100%       18.0% / 5.7%
 * (i)    off         3/100        35.5% (13.5%)     0 / 0         100%       17.1% / -
 * (ii)   on          1/100        98.5% (87.5%)     0 / 6         38.5%       8.9% / 14.3%
 * (ii)   off         0/100        28.0% (15.0%)     0 / 1         69.5%      16.7% / -
 * (iii)  on          1/100        92.0% (57.0%)     0 / 1         100%       11.8% / 5.5%
 * (iii)  off         1/100        93.0% (63.0%)     0 / 4         100%       11.3% / -
 * </pre>
 * <p>Under (ii) with the defaults, 1000 consecutive A/A nights gave 4 false-alarm nights (0.4%).
 * Deciding a 20-configuration run with all six metrics against 100 earlier runs takes tens of
 * milliseconds ({@code GateSpeedTest}; the target is 2 s).
 *
 * <h2>What the figures say</h2>
 * <ul>
 * <li>The targets (at most 1 false-alarm night in 100, a 10% slowdown of one configuration found in
 * 90% of trials, a 3% slowdown never called an improvement) are met under (ii), the noise a shared
 * CI machine has: most of what varies from night to night is the machine, and the correction takes
 * it out. A slowdown is found through any of the configuration's metrics; on p50 alone, 87.5%.
 * <li>Under (i) they conflict, as they must: 3% independent noise per series makes a 10% change only
 * about 3 standard errors, and 63 tests a night at α = 0.005 need 4.3. The rule keeps
 * the false alarms and gives up power (34%); only a longer history or fewer tests would buy it back.
 * Under (iii) the targets hold again (92%).
 * <li>The correction is on by default because under (ii) it is the difference between 28% and 98.5%
 * power, while under independent noise it costs one or two points (the others' median adds a little
 * noise). What it gives up: a change common to all configurations is tested against the machine's
 * own drift, so under (ii) a 10% slowdown of everything is found in 38.5% of nights (80% of nights
 * at about 14%), where without the correction 60 independent chances found it in 69.5%.
 * Under (i) and (iii), where the common shift is quiet, it is always found.
 * <li>A 3% slowdown was never reported as an improvement. It was reported as a regression in up to 6
 * of 200 trials: the threshold applies to the observed change, and noise can carry a true 3% past
 * 5%. Such a report names a real slowdown, only as larger than it was.
 * <li>False alarms come in clusters: consecutive nights share 29 of their 30 history runs, so a
 * history that happens to be quiet puts several nights at risk; 100 nights sample the rate coarsely
 * (0 to 3 under the six settings), the 1000-night figure is the sharper one.
 * <li>The simulated noise is normal. Real nights have heavier tails (a night beside a noisy
 * neighbour); such nights widen the history's spread while they are in the window, but the first
 * one can raise a false alarm, which is what confirmation reruns are for.
 * </ul>
 *
 * <h2>Change points</h2>
 * <p>Change points are found by {@code io.inferbench.compare.ChangePoints} (E-divisive means, in
 * {@code harness/compare}), not again here. The gate command will run it on each gated series: to
 * report when tonight opens a new segment, and to start a series' window at its latest change, so
 * that a step the project accepted does not count as noise for the next month.
 */
package io.inferbench.gate;
