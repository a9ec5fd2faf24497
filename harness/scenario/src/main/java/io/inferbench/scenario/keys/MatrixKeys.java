package io.inferbench.scenario.keys;

import io.inferbench.scenario.keys.ValueType.ListOf;
import io.inferbench.scenario.keys.ValueType.Scalar;
import io.inferbench.scenario.keys.ValueType.Text;
import java.util.List;

/** {@code matrix:}: its axes are labelled variants (fragments merged into the scenario) or sweeps. */
public final class MatrixKeys {
    public static final KeySpec SET = KeySpec.of("set", Text.matching("^[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)*$"),
            "Dotted path of the field to set, e.g. backend.options.intra-op-threads.").asRequired()
            .withExamples("backend.options.intra-op-threads", "load.concurrency", "inputs.batch-size");
    public static final KeySpec VALUES = KeySpec.of("values", new ListOf(new Scalar("A plain value."), 1),
            "The values, one configuration each; each value is also its label.").asRequired();
    public static final SectionSpec SWEEP = new SectionSpec("sweep", "A sweep: one field set to each value in turn.",
            List.of(SET, VALUES));

    public static final String DESCRIPTION = "Axes of configurations; the scenario runs their cartesian product, in "
            + "order. Each axis is labelled variants (label: { fields to override }) or a sweep ({ set: field.path, "
            + "values: [..] }).";
    public static final String AXIS = "One axis: labelled variants, or a sweep.";
    public static final String VARIANTS = "Labelled variants: label to the fields that variant overrides.";
    public static final String FRAGMENT = "Fields this variant overrides, deep-merged into the scenario (mappings merge "
            + "key by key; anything else replaces).";

    private MatrixKeys() {
    }
}
