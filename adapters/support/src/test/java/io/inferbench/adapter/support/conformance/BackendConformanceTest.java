package io.inferbench.adapter.support.conformance;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.DType;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backend SPI's contract, checked on an adapter's own small model: every adapter's tests subclass
 * this (it ships in the adapter support test-jar) and say which provider, which model and what the
 * model computes. The checks: the provider describes itself and its options; a session opens (also
 * with every option at its declared default) and describes its inputs and outputs; inputs prepare and
 * run to the expected values; wrong inputs fail naming the input; a runner refuses another runner's
 * input; runners and sessions refuse use after close; closing twice is harmless; runners of one session
 * run concurrently from their own threads ({@link ModelSession}: thread-safe, {@link Runner}: one per
 * worker); and a GPU on a machine without one is a {@link DeviceUnavailableException}.
 *
 * <p>One instance per class: the model is written once, into a temporary folder, in {@link #request}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformanceTest {
    static final int THREADS = 4;
    static final int RUNS_PER_THREAD = 25;

    private ModelLoadRequest request;

    /** The provider under test, as {@link java.util.ServiceLoader} would make it. */
    protected abstract BackendProvider provider();

    /** A CPU request for the adapter's small model, written into {@code dir} (called once). */
    protected abstract ModelLoadRequest request(Path dir) throws Exception;

    /** Valid inputs for the model, one per input; different seeds give different values. */
    protected abstract Map<String, Tensor> inputs(int seed);

    /** What the model computes for {@code inputs}: values by output name (at least one output). */
    protected abstract Map<String, float[]> expected(Map<String, Tensor> inputs);

    /** False for formats that do not declare outputs (TorchScript): {@code outputs()} must then be empty. */
    protected boolean declaresOutputs() {
        return true;
    }

    /** How far a value may be from {@link #expected}, relative to the larger of 1 and its size. */
    protected double tolerance() {
        return 1e-5;
    }

    /** A parameter, not a field: JUnit fills {@code @TempDir} fields only before each test. */
    @BeforeAll
    final void writeModel(@TempDir Path modelDir) throws Exception {
        request = request(modelDir);
        assertNotNull(request, "request(dir)");
    }

    private ModelSession open() throws BackendException {
        return provider().open(request);
    }

    @Test
    void describesItselfAndItsOptions() {
        BackendProvider provider = provider();
        assertTrue(provider.name().matches("[a-z0-9][a-z0-9-]*"), "name is lower case, no spaces: " + provider.name());
        assertTrue(provider.formats().contains(request.format()), provider.formats() + " lists " + request.format());
        Conformance.assertOptionsWellFormed(provider.options());
        BackendInfo info = assertDoesNotThrow(provider::info, "info() never throws");
        assertEquals(provider.name(), info.name());
        assertFalse(info.version().isBlank(), "version");
        assertTrue(info.devices().stream().anyMatch(d -> d.device().equals(Device.CPU) && d.available()),
                "an available CPU in " + info.devices());
    }

    @Test
    void opensWithEveryOptionAtItsDeclaredDefault() throws Exception {
        // What the harness passes: the validated options, with defaults filled in.
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec spec : provider().options()) {
            if (spec.defaultValue() != null) {
                options.put(spec.name(), spec.defaultValue());
            }
        }
        options.putAll(request.options());
        ModelLoadRequest filled = new ModelLoadRequest(request.modelPath(), request.format(), request.device(), options);
        try (ModelSession session = provider().open(filled); Runner runner = session.newRunner()) {
            Map<String, Tensor> in = inputs(1);
            Conformance.assertValues(expected(in), runner.runAndFetch(runner.prepare(in)), tolerance(), "defaults");
        }
    }

    @Test
    void describesInputsAndOutputs() throws Exception {
        try (ModelSession session = open()) {
            Conformance.assertSpecsMatch(session.inputs(), inputs(1));
            List<TensorSpec> outputs = session.outputs();
            if (declaresOutputs()) {
                assertFalse(outputs.isEmpty(), "outputs are declared");
                Conformance.assertUniqueNames(outputs);
            } else {
                assertEquals(List.of(), outputs, "a format that does not declare outputs lists none");
            }
            assertEquals(session.inputs(), session.inputs(), "inputs() is stable");
            Conformance.assertUnmodifiable(session.inputs());
            Conformance.assertUnmodifiable(outputs);
            Map<String, String> properties = session.properties();
            assertFalse(properties.isEmpty(), "properties() reports the effective settings");
            properties.forEach((k, v) -> assertNotNull(v, "property " + k));
        }
    }

    @Test
    void preparesAndRunsToTheExpectedValues() throws Exception {
        try (ModelSession session = open(); Runner runner = session.newRunner()) {
            Map<String, Tensor> first = inputs(1);
            PreparedInput input = runner.prepare(first);
            assertNotNull(input, "prepare");
            runner.run(input); // the timed path: outputs are released, nothing returned
            runner.run(input); // and a prepared input is reusable
            Map<String, Tensor> out = runner.runAndFetch(input);
            if (declaresOutputs()) {
                Conformance.assertOutputsAsDeclared(session.outputs(), out);
            }
            Conformance.assertValues(expected(first), out, tolerance(), "seed 1");
            assertEquals(out, runner.runAndFetch(input), "the same input gives the same outputs");

            Map<String, Tensor> second = inputs(2);
            assertNotEquals(first, second, "inputs(seed) gives different inputs for different seeds");
            Conformance.assertValues(expected(second), runner.runAndFetch(runner.prepare(second)), tolerance(),
                    "seed 2 (outputs follow the inputs)");
        }
    }

    @Test
    void wrongInputsFailNamingTheInput() throws Exception {
        try (ModelSession session = open(); Runner runner = session.newRunner()) {
            Map<String, Tensor> good = inputs(1);
            String first = session.inputs().get(0).name();

            Map<String, Tensor> unknown = new LinkedHashMap<>(good);
            unknown.put("no_such_input", good.get(first));
            Conformance.assertNames(runner, unknown, "no_such_input");

            Map<String, Tensor> missing = new LinkedHashMap<>(good);
            missing.remove(first);
            Conformance.assertNames(runner, missing, first);

            Map<String, Tensor> wrongType = new LinkedHashMap<>(good);
            Tensor t = good.get(first);
            DType other = t.dtype() == DType.FLOAT32 ? DType.INT64 : DType.FLOAT32;
            wrongType.put(first, new Tensor(other, t.shape(), Tensor.allocate(other, t.shape())));
            Conformance.assertNames(runner, wrongType, first);

            // A refused input leaves the runner usable.
            Conformance.assertValues(expected(good), runner.runAndFetch(runner.prepare(good)), tolerance(), "after");
        }
    }

    @Test
    void aRunnerRefusesAnotherRunnersInput() throws Exception {
        try (ModelSession session = open(); Runner a = session.newRunner(); Runner b = session.newRunner()) {
            PreparedInput ofA = a.prepare(inputs(1));
            assertThrows(BackendException.class, () -> b.run(ofA), "run of another runner's input");
            assertThrows(BackendException.class, () -> b.runAndFetch(ofA), "runAndFetch of another runner's input");
            a.run(ofA);
        }
    }

    @Test
    void useAfterCloseFailsClearly() throws Exception {
        ModelSession session = open();
        Runner runner = session.newRunner();
        PreparedInput input = runner.prepare(inputs(1));
        runner.close();
        Conformance.assertClosed(() -> runner.run(input), "run on a closed runner");
        Conformance.assertClosed(() -> runner.runAndFetch(input), "runAndFetch on a closed runner");
        Conformance.assertClosed(() -> runner.prepare(inputs(1)), "prepare on a closed runner");

        Runner other = session.newRunner();
        PreparedInput otherInput = other.prepare(inputs(2));
        session.close(); // closes the runners it made
        Conformance.assertClosed(() -> other.run(otherInput), "run after the session closed");
        Conformance.assertClosed(session::newRunner, "newRunner on a closed session");
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        ModelSession session = open();
        Runner runner = session.newRunner();
        runner.run(runner.prepare(inputs(1)));
        Runner kept = session.newRunner();
        assertDoesNotThrow(runner::close);
        assertDoesNotThrow(runner::close, "a runner closed twice");
        assertDoesNotThrow(session::close);
        assertDoesNotThrow(session::close, "a session closed twice");
        assertDoesNotThrow(kept::close, "a runner closed after its session");
    }

    @Test
    void runnersOfOneSessionRunConcurrently() throws Exception {
        try (ModelSession session = open()) {
            List<Throwable> failures = Concurrently.run(THREADS, worker -> {
                try (Runner runner = session.newRunner()) { // newRunner from any thread
                    Map<String, Tensor> in = inputs(10 + worker.index());
                    Map<String, float[]> want = expected(in);
                    PreparedInput input = runner.prepare(in);
                    worker.awaitOthers(); // every runner runs at once
                    for (int i = 0; i < RUNS_PER_THREAD; i++) {
                        runner.run(input);
                        Conformance.assertValues(want, runner.runAndFetch(input), tolerance(),
                                "worker " + worker.index() + ", run " + i);
                    }
                }
            });
            assertEquals(List.of(), failures, "runners on " + THREADS + " threads");
        }
    }

    @Test
    void aGpuOnAMachineWithoutOneIsUnavailable() {
        assumeTrue(provider().info().devices().stream()
                .noneMatch(d -> d.device().kind() == Device.Kind.GPU && d.available()), "this machine has a GPU");
        ModelLoadRequest gpu = new ModelLoadRequest(request.modelPath(), request.format(), Device.gpu(0),
                request.options());
        BackendException e = assertThrows(BackendException.class, () -> provider().open(gpu).close());
        assertInstanceOf(DeviceUnavailableException.class, e, e.getMessage());
        assertTrue(e.getMessage().startsWith("no GPU found"), e.getMessage());
    }
}
