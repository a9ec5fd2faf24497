package io.inferbench.adapter.support.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The suite tested: it passes on a conforming backend, and each of its checks fails on a backend
 * broken in that check's way ({@link Mutants}), so no check is one that cannot fail.
 */
class ConformanceSuiteTest {
    /** Each mutant and the check that must catch it. */
    private static final Map<Class<?>, String> CAUGHT_BY = Map.ofEntries(
            Map.entry(Mutants.InfoThrows.class, "describesItselfAndItsOptions"),
            Map.entry(Mutants.MistypedDefault.class, "describesItselfAndItsOptions"),
            Map.entry(Mutants.RejectsItsDefaults.class, "opensWithEveryOptionAtItsDeclaredDefault"),
            Map.entry(Mutants.NoOutputsDeclared.class, "describesInputsAndOutputs"),
            Map.entry(Mutants.MutableSpecs.class, "describesInputsAndOutputs"),
            Map.entry(Mutants.WrongValues.class, "preparesAndRunsToTheExpectedValues"),
            Map.entry(Mutants.StaleOutputs.class, "preparesAndRunsToTheExpectedValues"),
            Map.entry(Mutants.NamelessErrors.class, "wrongInputsFailNamingTheInput"),
            Map.entry(Mutants.AcceptsForeignInputs.class, "aRunnerRefusesAnotherRunnersInput"),
            Map.entry(Mutants.UsableAfterClose.class, "useAfterCloseFailsClearly"),
            Map.entry(Mutants.CloseTwiceThrows.class, "closingTwiceIsHarmless"),
            Map.entry(Mutants.NotThreadSafe.class, "runnersOfOneSessionRunConcurrently"),
            Map.entry(Mutants.GpuOpens.class, "aGpuOnAMachineWithoutOneIsUnavailable"),
            Map.entry(Mutants.GpuFailsPlainly.class, "aGpuOnAMachineWithoutOneIsUnavailable"));

    /**
     * What one run of a test class did, by test method name.
     *
     * @param why the first line of each failure's message
     */
    private record Outcome(Set<String> passed, Set<String> failed, Set<String> skipped, Map<String, String> why) {
    }

    private static Outcome run(Class<?> testClass) {
        Set<String> passed = Collections.synchronizedSet(new TreeSet<>());
        Set<String> failed = Collections.synchronizedSet(new TreeSet<>());
        Set<String> skipped = Collections.synchronizedSet(new TreeSet<>());
        Map<String, String> why = new java.util.concurrent.ConcurrentHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                methodName(id).ifPresent(m -> {
                    boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                    (ok ? passed : failed).add(m);
                    result.getThrowable().ifPresent(t -> why.put(m, String.valueOf(t.getMessage()).lines()
                            .findFirst().orElse("")));
                });
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                methodName(id).ifPresent(skipped::add);
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
        return new Outcome(Set.copyOf(passed), Set.copyOf(failed), Set.copyOf(skipped), Map.copyOf(why));
    }

    private static java.util.Optional<String> methodName(TestIdentifier id) {
        return id.getSource().filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(s -> ((org.junit.platform.engine.support.descriptor.MethodSource) s).getMethodName());
    }

    /** The suite's checks: its {@code @Test} methods. */
    private static Set<String> checks() {
        return Arrays.stream(BackendConformanceTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aConformingBackendPassesEveryCheck() {
        Outcome outcome = run(FakeBackendConformanceTest.class);
        assertEquals(checks(), outcome.passed(), "failed: " + outcome.failed() + ", skipped: " + outcome.skipped());
        assertTrue(checks().size() >= 10, "the suite has its checks: " + checks());
    }

    @Test
    void everyCheckHasAMutantThatItCatches() {
        assertEquals(checks(), new TreeSet<>(CAUGHT_BY.values()), "checks without a mutant to prove they can fail");
    }

    static Stream<Arguments> mutants() {
        List<Arguments> all = new ArrayList<>();
        CAUGHT_BY.forEach((mutant, check) -> all.add(Arguments.of(mutant.getSimpleName(), mutant, check)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} fails {2}")
    @MethodSource("mutants")
    void eachMutantFailsItsCheck(String name, Class<?> mutant, String check) {
        Outcome outcome = run(mutant);
        assertTrue(outcome.failed().contains(check), name + " must fail " + check + "; failed: " + outcome.failed()
                + ", passed: " + outcome.passed() + ", skipped: " + outcome.skipped());
        // In the test's report: why the check failed, for a reader to judge that it failed for the right reason.
        System.out.println(name + " fails " + check + ": " + outcome.why().get(check));
    }
}
