package io.inferbench.adapter.support;

import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.OptionSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A backend option declared once: its {@link OptionSpec} (what {@code BackendProvider.options()}
 * reports) and how to read it from a request, typed, with the same default. Adapters read
 * {@code THREADS.read(request)} instead of repeating the name and default as strings.
 *
 * <p>Reading never fails on a value of the wrong type (the harness has validated the options against
 * the specs already): it takes the default, as {@link ModelLoadRequest}'s accessors do. Range rules
 * that the spec cannot express ({@link #threads}) throw {@link IllegalArgumentException} with a
 * message naming the option; adapters prefix it with their own name.
 *
 * @param <T> the value's Java type
 */
public final class OptionKey<T> {
    /**
     * Most threads an engine is asked for (as for load.concurrency and load.workers); more is a typo,
     * not a machine. In the spec too, so that {@code validate} refuses what opening the model would.
     */
    public static final int MAX_THREADS = 4096;

    private final OptionSpec spec;
    private final BiFunction<ModelLoadRequest, OptionSpec, T> reader;

    private OptionKey(OptionSpec spec, BiFunction<ModelLoadRequest, OptionSpec, T> reader) {
        this.spec = spec;
        this.reader = reader;
    }

    /** A thread count: 0 (the default) lets the engine choose; at most {@link #MAX_THREADS}. */
    public static OptionKey<Integer> threads(String name, String description) {
        return new OptionKey<>(new OptionSpec(name, OptionSpec.Type.INT, 0L, List.of(), 0, MAX_THREADS, false,
                description), (request, spec) -> {
            long n = request.longOption(spec.name(), 0);
            if (n < 0 || n > MAX_THREADS) {
                throw new IllegalArgumentException(spec.name() + " must be between 0 and " + MAX_THREADS
                        + ", got " + n);
            }
            return (int) n;
        });
    }

    public static OptionKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new OptionKey<>(OptionSpec.bool(name, defaultValue, description),
                (request, spec) -> request.booleanOption(spec.name(), defaultValue));
    }

    public static OptionKey<String> string(String name, String defaultValue, String description) {
        return new OptionKey<>(OptionSpec.string(name, defaultValue, description),
                (request, spec) -> request.stringOption(spec.name(), defaultValue));
    }

    /**
     * One of {@code allowed}, read in their case: upper case when they all are, lower case when they
     * all are (scenario files may write {@code all} for {@code ALL}). Whether the value is allowed is
     * the caller's check, so each adapter keeps its message.
     */
    public static OptionKey<String> choice(String name, String defaultValue, List<String> allowed, String description) {
        boolean upper = allowed.stream().allMatch(a -> a.equals(a.toUpperCase(Locale.ROOT)));
        boolean lower = allowed.stream().allMatch(a -> a.equals(a.toLowerCase(Locale.ROOT)));
        return new OptionKey<>(OptionSpec.choice(name, defaultValue, allowed, description), (request, spec) -> {
            String value = request.stringOption(spec.name(), defaultValue);
            return upper ? value.toUpperCase(Locale.ROOT) : lower ? value.toLowerCase(Locale.ROOT) : value;
        });
    }

    /** The specs of {@code keys}, in order, for {@code BackendProvider.options()}. */
    public static List<OptionSpec> specs(OptionKey<?>... keys) {
        return Arrays.stream(keys).map(OptionKey::spec).toList();
    }

    public OptionSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The request's value, or the default when it does not set one. */
    public T read(ModelLoadRequest request) {
        return reader.apply(request, spec);
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
