package io.inferbench.architecture;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of the README's Architecture section, enforced: packages free of cycles, and each
 * module's packages using only the modules below it. Maven already refuses an undeclared module
 * dependency at compile time; this test guards what Maven cannot see (package cycles inside a
 * module, and a new dependency declared in a pom against the intended direction).
 */
class ModuleArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/inferbench/architecture/"))
                .importPackages("io.inferbench");
        assertTrue(production.size() > 300, "expected all of InferBench's classes, found " + production.size());
    }

    /** Every package (not only every module) is a slice: a cycle between two packages of one module fails too. */
    static ArchRule noPackageCycles() {
        return slices().matching("io.inferbench.(**)").should().beFreeOfCycles();
    }

    static ArchRule modulesPointOneWay() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("io.inferbench..")
                .layer("api").definedBy("io.inferbench.api..")
                .layer("onnx").definedBy("io.inferbench.onnx..")
                .layer("optimize").definedBy("io.inferbench.optimize..")
                .layer("loadgen").definedBy("io.inferbench.load..")
                .layer("synthetic").definedBy("io.inferbench.synthetic..")
                .layer("scenario").definedBy("io.inferbench.scenario..")
                .layer("models").definedBy("io.inferbench.model..")
                .layer("inputs").definedBy("io.inferbench.input..")
                .layer("results").definedBy("io.inferbench.result..", "io.inferbench.stats..")
                .layer("telemetry").definedBy("io.inferbench.env..", "io.inferbench.utilization..")
                .layer("accuracy").definedBy("io.inferbench.accuracy..")
                .layer("compare").definedBy("io.inferbench.compare..")
                .layer("gate").definedBy("io.inferbench.gate..")
                .layer("regression").definedBy("io.inferbench.regression..")
                .layer("export").definedBy("io.inferbench.export..")
                .layer("merge").definedBy("io.inferbench.merge..")
                .layer("protocol").definedBy("io.inferbench.protocol..")
                .layer("runner").definedBy("io.inferbench.run..")
                .layer("serve").definedBy("io.inferbench.serve..")
                .layer("report").definedBy("io.inferbench.report..")
                .layer("jmh").definedBy("io.inferbench.jmh..")
                .layer("cli").definedBy("io.inferbench.cli..")
                .layer("adapters").definedBy(DescribedPredicate.describe("the adapters but remote", (JavaClass c) ->
                        c.getPackageName().startsWith("io.inferbench.adapter.")
                                && !c.getPackageName().startsWith("io.inferbench.adapter.remote")))
                .layer("remote adapter").definedBy("io.inferbench.adapter.remote..")
                .whereLayer("api").mayNotAccessAnyLayer()
                .whereLayer("onnx").mayNotAccessAnyLayer()
                .whereLayer("optimize").mayOnlyAccessLayers("api", "onnx")
                .whereLayer("loadgen").mayNotAccessAnyLayer()
                .whereLayer("synthetic").mayOnlyAccessLayers("api", "loadgen")
                .whereLayer("scenario").mayOnlyAccessLayers("api", "loadgen")
                .whereLayer("models").mayOnlyAccessLayers("api", "scenario")
                .whereLayer("inputs").mayOnlyAccessLayers("api", "scenario", "models")
                .whereLayer("results").mayOnlyAccessLayers("api", "loadgen")
                .whereLayer("telemetry").mayOnlyAccessLayers("api", "results")
                .whereLayer("accuracy").mayOnlyAccessLayers("api", "results", "scenario", "inputs")
                .whereLayer("compare").mayOnlyAccessLayers("api", "loadgen", "results")
                .whereLayer("gate").mayOnlyAccessLayers("results")
                .whereLayer("regression").mayOnlyAccessLayers("api", "loadgen", "results", "compare", "gate")
                .whereLayer("export").mayOnlyAccessLayers("api", "loadgen", "results")
                .whereLayer("merge").mayOnlyAccessLayers("api", "loadgen", "results")
                .whereLayer("runner").mayOnlyAccessLayers("api", "loadgen", "scenario", "models", "inputs",
                        "results", "telemetry", "accuracy", "compare")
                .whereLayer("protocol").mayOnlyAccessLayers("api")
                // serve: a configuration's model loaded as a run loads it (runner and what preflight returns).
                .whereLayer("serve").mayOnlyAccessLayers("api", "loadgen", "scenario", "models", "inputs", "results",
                        "runner", "protocol")
                .whereLayer("report").mayOnlyAccessLayers("api", "loadgen", "results", "compare")
                .whereLayer("jmh").mayOnlyAccessLayers("api", "loadgen", "synthetic", "scenario", "models",
                        "inputs", "results", "telemetry", "runner")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                // The remote adapter shares the wire formats with serve, nothing else of the harness.
                .whereLayer("remote adapter").mayOnlyAccessLayers("api", "adapters", "protocol")
                .whereLayer("adapters").mayOnlyAccessLayers("api", "onnx");
    }

    /** The load generator knows no model, tensor or result: the JDK and HdrHistogram only. */
    static ArchRule loadGeneratorUsesOnlyTheJdkAndHdrHistogram() {
        return classes().that().resideInAPackage("io.inferbench.load..")
                // The jmh module's RecorderBenchmark sits in this package to time the package-private recorder
                // (JMH's generated code beside it); it is benchmark code, not the load generator's.
                .and(are(notFromTheJmhModule()))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.HdrHistogram..",
                        "io.inferbench.load..");
    }

    private static DescribedPredicate<JavaClass> notFromTheJmhModule() {
        return DescribedPredicate.describe("not from the jmh module", c -> c.getSource()
                .map(source -> !source.getUri().toString().matches(".*(/harness/jmh/|inferbench-jmh-).*"))
                .orElse(true));
    }

    /**
     * The gate's decision core works on plain observations: the JDK and Commons Math only, and Holm's
     * correction, which it shares with a run's own comparisons (a JDK-only class of io.inferbench.stats).
     */
    static ArchRule gateUsesOnlyTheJdkAndCommonsMath() {
        return classes().that().resideInAPackage("io.inferbench.gate..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..",
                        "org.apache.commons.math3..", "io.inferbench.gate..")
                        .or(JavaClass.Predicates.belongToAnyOf(io.inferbench.stats.Holm.class)));
    }

    /** Holm's correction is shared by the gate, whose classes see nothing else of ours: the JDK only. */
    static ArchRule holmUsesOnlyTheJdk() {
        return classes().that().belongToAnyOf(io.inferbench.stats.Holm.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.inferbench.stats..");
    }

    /** The optimizer rewrites protobuf graphs in Java: the JDK, protobuf and the ONNX classes only (no runtime). */
    static ArchRule optimizerUsesOnlyTheJdkAndTheOnnxProtobuf() {
        return classes().that().resideInAnyPackage("io.inferbench.optimize..", "io.inferbench.onnx..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.google.protobuf..",
                        "io.inferbench.onnx..", "io.inferbench.optimize..", "io.inferbench.api..");
    }

    /** The SPI is what plug-in authors compile against: the JDK only. */
    static ArchRule apiUsesOnlyTheJdk() {
        return classes().that().resideInAPackage("io.inferbench.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.inferbench.api..");
    }

    /** Results are data: no template engine, no HTML. */
    static ArchRule resultsKnowNoHtml() {
        return noClasses().that().resideInAnyPackage("io.inferbench.result..", "io.inferbench.stats..",
                        "io.inferbench.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("org.thymeleaf..", "ognl..");
    }

    /** The harness's own JVM never links a backend's native library. */
    static ArchRule harnessLinksNoNativeBackend() {
        return noClasses().that().resideOutsideOfPackage("io.inferbench.adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "org.tensorflow..",
                        "ai.djl.pytorch..", "ai.djl.tensorflow..", "ai.djl.onnxruntime..", "ai.djl.engine..");
    }

    @Test
    void packagesAreFreeOfCycles() {
        noPackageCycles().check(production);
    }

    @Test
    void modulesDependInTheAllowedDirection() {
        modulesPointOneWay().check(production);
    }

    @Test
    void loadGeneratorIsSelfContained() {
        loadGeneratorUsesOnlyTheJdkAndHdrHistogram().check(production);
    }

    @Test
    void gateIsSelfContained() {
        gateUsesOnlyTheJdkAndCommonsMath().check(production);
    }

    @Test
    void holmIsSelfContained() {
        holmUsesOnlyTheJdk().check(production);
    }

    @Test
    void optimizerIsSelfContained() {
        optimizerUsesOnlyTheJdkAndTheOnnxProtobuf().check(production);
    }

    @Test
    void apiIsSelfContained() {
        apiUsesOnlyTheJdk().check(production);
    }

    @Test
    void resultsAndComparisonsRenderNothing() {
        resultsKnowNoHtml().check(production);
    }

    @Test
    void onlyAdaptersTouchNativeBackends() {
        harnessLinksNoNativeBackend().check(production);
    }

    /** The served-model layers are not empty: their rules see the classes they guard. */
    @Test
    void servedModelLayersHoldTheirClasses() {
        for (String pkg : new String[] {"io.inferbench.protocol", "io.inferbench.serve", "io.inferbench.adapter.remote"}) {
            assertTrue(production.stream().anyMatch(c -> c.getPackageName().equals(pkg)), "classes of " + pkg);
        }
        // The remote adapter reaches serve's other end only through the shared wire formats.
        assertTrue(noClasses().that().resideInAPackage("io.inferbench.adapter.remote..")
                .should().dependOnClassesThat().resideInAnyPackage("io.inferbench.serve..", "io.inferbench.run..")
                .evaluate(production).getFailureReport().isEmpty());
    }

    /** The rules can fail: two fixture packages that use each other form a cycle the rule reports. */
    @Test
    void cycleRuleReportsACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.inferbench.architecture.fixture");
        assertTrue(slices().matching("io.inferbench.architecture.fixture.(*)..").should().beFreeOfCycles()
                .evaluate(fixture).hasViolation(), "a cycle between fixture.a and fixture.b must be reported");
        assertFalse(fixture.isEmpty());
    }

    /** ... and the direction rule reports a lower layer reaching up. */
    @Test
    void directionRuleReportsAnUpwardDependency() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.inferbench.architecture.fixture");
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.inferbench..")
                .layer("lower").definedBy("io.inferbench.architecture.fixture.a..")
                .layer("upper").definedBy("io.inferbench.architecture.fixture.b..")
                .whereLayer("lower").mayNotAccessAnyLayer();
        assertTrue(rule.evaluate(fixture).hasViolation());
    }
}
