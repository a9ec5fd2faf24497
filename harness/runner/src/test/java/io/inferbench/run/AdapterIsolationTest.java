package io.inferbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.inferbench.api.BackendInfo;
import io.inferbench.model.ModelResolver;
import io.inferbench.result.ConfigurationResult;
import io.inferbench.result.ConfigurationStatus;
import io.inferbench.result.RunResult;
import io.inferbench.run.backends.BackendProbe;
import io.inferbench.run.backends.Backends;
import io.inferbench.scenario.Scenario;
import io.inferbench.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adapter folders: each adapter in a class loader of its own in the parent, and each child JVM
 * (fork or probe) with the core plus only its configuration's adapter. Two adapters compiled at
 * test time ({@link TestAdapters}) report what their JVM can see.
 */
class AdapterIsolationTest {
    @TempDir
    static Path adapters;
    static Path alpha;
    static Path beta;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildAdapters() throws Exception {
        alpha = TestAdapters.build(adapters, "alpha", List.of("beta"));
        beta = TestAdapters.build(adapters, "beta", List.of("alpha"));
    }

    private static Backends backends() {
        return Backends.fromAdapterFolders(List.of(alpha, beta), AdapterIsolationTest.class.getClassLoader());
    }

    private static String jar(String name) {
        return adapters.resolve(name).resolve("target/adapter/" + name + "-adapter.jar").toString();
    }

    @Test
    void eachAdapterFolderHasItsOwnClassLoader() throws Exception {
        Backends b = backends();
        assertTrue(b.problems().isEmpty(), b.problems().toString());
        assertTrue(b.fromFolders());
        assertEquals("alpha", b.adapter("alpha").orElseThrow().name(), "named after adapters/<name>/target/adapter");
        assertEquals(List.of(jar("alpha")), b.adapterClasspaths().get("alpha"));
        assertTrue(b.adapter("synthetic").isEmpty(), "the core's own backend needs no adapter jars");
        ClassLoader alphaLoader = b.byName().get("alpha").getClass().getClassLoader();
        ClassLoader betaLoader = b.byName().get("beta").getClass().getClassLoader();
        assertNotEquals(alphaLoader, betaLoader);
        assertEquals(AdapterIsolationTest.class.getClassLoader(), alphaLoader.getParent());
        assertThrows(ClassNotFoundException.class, () -> Class.forName(TestAdapters.className("beta"), false,
                alphaLoader));
        assertThrows(ClassNotFoundException.class, () -> Class.forName(TestAdapters.className("alpha"), false,
                AdapterIsolationTest.class.getClassLoader()), "the parent's class path holds no adapter");
    }

    @Test
    void aProbeChildSeesOnlyItsAdapter() {
        BackendInfo info = new ChildProbe(backends()).info("alpha");
        String cp = note(info, "java.class.path");
        assertTrue(cp.contains(jar("alpha")), cp);
        assertFalse(cp.contains(jar("beta")), cp);
        assertEquals("false", note(info, "sees.beta"));
        assertEquals("1.0", info.libraryVersions().get("alpha-lib"));

        var q = new BackendProbe.ModelQuery("beta", null, io.inferbench.api.ModelFormat.NONE);
        BackendProbe.ModelShape shape = new ChildProbe(backends()).describe(List.of(q)).get(q);
        assertEquals(null, shape.failure());
        assertEquals(1, shape.outputs().size());
        assertNotEquals("pid" + ProcessHandle.current().pid(), shape.outputs().get(0).name(),
                "the model was opened in a child JVM");
    }

    private static String note(BackendInfo info, String key) {
        return info.notes().stream().filter(n -> n.startsWith(key + "=")).map(n -> n.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no note " + key + " in " + info.notes()));
    }

    private RunResult run(boolean inProcess) throws Exception {
        Backends b = backends();
        Path file = dir.resolve("two-adapters.yaml");
        Files.writeString(file, """
                name: two-adapters
                backend: { name: alpha, options: { latency-ms: 1 } }
                run: { warmup: 5, min-duration: 200ms, min-queries: 20 }
                matrix:
                  system:
                    alpha: {}
                    beta: { backend: { name: beta } }
                """);
        Scenario s = new ScenarioParser(b.byName()).parse(file);
        BackendProbe probe = inProcess ? BackendProbe.inProcess(b.byName()) : new ChildProbe(b);
        var prepared = new Preflight(b.byName(), ModelResolver.defaults(), probe).check(s);
        return new BenchmarkRunner(b.byName(), dir, ForkRuns.INTERVAL).inProcess(inProcess)
                .withAdapterClasspaths(b.adapterClasspaths()).withProbe(probe)
                .run(s, prepared, dir.resolve("run"), RunListener.NONE);
    }

    @Test
    void eachConfigurationsChildJvmHoldsTheCorePlusOnlyItsAdapter() throws Exception {
        RunResult r = run(false);
        ConfigurationResult a = ForkRuns.byLabel(r, "system=alpha");
        ConfigurationResult b = ForkRuns.byLabel(r, "system=beta");
        assertEquals(ConfigurationStatus.OK, a.status(), a.outcome().reason());
        assertEquals(ConfigurationStatus.OK, b.status(), b.outcome().reason());
        assertEquals(1, a.phases().forks().size(), "one child JVM by default");
        String aCp = a.session().properties().get("java.class.path");
        String bCp = b.session().properties().get("java.class.path");
        assertTrue(aCp.contains(jar("alpha")) && !aCp.contains(jar("beta")), aCp);
        assertTrue(bCp.contains(jar("beta")) && !bCp.contains(jar("alpha")), bCp);
        assertEquals("false", a.session().properties().get("sees.beta"));
        assertEquals("false", b.session().properties().get("sees.alpha"));
        assertEquals("1.0", r.environment().libraries().get("alpha-lib"), "versions probed in a child JVM");
    }

    @Test
    void inProcessStillRunsEachAdapterFromItsOwnClassLoader() throws Exception {
        RunResult r = run(true);
        for (String name : List.of("alpha", "beta")) {
            ConfigurationResult c = ForkRuns.byLabel(r, "system=" + name);
            assertEquals(ConfigurationStatus.OK, c.status(), c.outcome().reason());
            assertTrue(c.phases().forks().isEmpty(), "measured in this JVM");
            assertFalse(c.session().properties().get("java.class.path").contains(jar(name)),
                    "loaded from the folder, not the class path");
            assertEquals("true", c.session().properties().get("context-loader-is-adapter"),
                    "plug-in discovery inside the library (DJL's engines) sees the adapter's jars");
        }
        assertEquals("false", ForkRuns.byLabel(r, "system=alpha").session().properties().get("sees.beta"));
    }
}
