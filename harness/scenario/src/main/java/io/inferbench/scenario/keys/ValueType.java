package io.inferbench.scenario.keys;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scenario key accepts. The binder reads values by these types and the schema generator
 * writes them as JSON Schema, so the two cannot drift apart. Shapes that only one key has (a warmup,
 * a tensor shape) are types of their own rather than a general schema language.
 */
public sealed interface ValueType {

    /**
     * A string, not shorter than {@code minLength} and, unless {@code pattern} is null, containing a
     * match of it: a JSON Schema pattern (ECMA-262, unanchored unless it says {@code ^...$}).
     */
    record Text(String pattern, int minLength) implements ValueType {
        public static final Text ANY = new Text(null, 0);

        public static Text matching(String pattern) {
            return new Text(Objects.requireNonNull(pattern, "pattern"), 0);
        }

        /** Whether {@code value} matches, as a JSON Schema validator would decide. */
        public boolean accepts(String value) {
            if (value.length() < minLength) {
                return false;
            }
            if (pattern == null) {
                return true;
            }
            Matcher m = Pattern.compile(pattern).matcher(value);
            while (m.find()) {
                // ECMA-262's $ matches at the very end only; Java's also before a final line break.
                if (!pattern.endsWith("$") || m.end() == value.length()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * An integer from {@code min} to {@code max}, both inclusive; with {@code max} at most
     * {@link Integer#MAX_VALUE} the binder keeps it as an int.
     */
    record Whole(long min, long max) implements ValueType {
        public static final Whole ANY = new Whole(Long.MIN_VALUE, Long.MAX_VALUE);

        public static Whole atLeast(long min) {
            return new Whole(min, Long.MAX_VALUE);
        }

        /** A count or size the binder keeps as a Java int. */
        public static Whole intAtLeast(long min) {
            return new Whole(min, Integer.MAX_VALUE);
        }

        public boolean fitsAnInt() {
            return max <= Integer.MAX_VALUE;
        }
    }

    /** A number between two bounds; {@code Double.NaN} for no bound on that side. */
    record Decimal(double min, boolean minExclusive, double max, boolean maxExclusive) implements ValueType {
        public static Decimal atLeast(double min) {
            return new Decimal(min, false, Double.NaN, false);
        }

        public static Decimal above(double min) {
            return new Decimal(min, true, Double.NaN, false);
        }

        /** The smallest value the binder accepts: the bound itself, or the next double above an exclusive one. */
        public double lowest() {
            return Double.isNaN(min) ? -Double.MAX_VALUE : minExclusive ? Math.nextUp(min) : min;
        }
    }

    /** true or false. */
    record Flag() implements ValueType {
    }

    /** One of {@code values}, matched case-insensitively and read back in its canonical spelling. */
    record Choice(List<String> values) implements ValueType {
        public Choice {
            values = List.copyOf(values);
        }
    }

    /** One of a few numbers, e.g. the percentiles a stability window compares. */
    record NumberChoice(List<Long> values) implements ValueType {
        public NumberChoice {
            values = List.copyOf(values);
        }
    }

    /**
     * A duration: a number with an optional unit ns, us, ms, s, m or h; a bare number is seconds; at
     * most {@code max} (longer is a typo, not a benchmark, and would overflow the load generator's clock).
     */
    record Duration(java.time.Duration max) implements ValueType {
        /** The longest duration of a run's phase (warmup, measurement): a day. */
        public static final java.time.Duration DAY = java.time.Duration.ofHours(24);
        /** The longest latency objective, delay or threshold: an hour. */
        public static final java.time.Duration HOUR = java.time.Duration.ofHours(1);

        public Duration {
            Objects.requireNonNull(max, "max");
        }

        /** A duration of at most a day. */
        public Duration() {
            this(DAY);
        }

        /** The bound as a scenario would write it: {@code 24h}, {@code 168h}, {@code 90m}, {@code 30s}. */
        public String maxText() {
            long s = max.toSeconds();
            return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
        }

        public static final String DESCRIPTION = "A duration: a number with an optional unit ns, us, ms, s, m or h "
                + "(10s, 500ms, 1.5m, 2h); a bare number is seconds.";
        public static final String PATTERN = "^\\d+(\\.\\d+)?\\s*(ns|us|ms|s|m|h)?$";
        public static final List<String> EXAMPLES = List.of("10s", "500ms", "1.5m");
    }

    /** Maven coordinates {@code groupId:artifactId:version[:classifier]}. */
    record MavenCoordinates() implements ValueType {
        public static final String DESCRIPTION = "Maven coordinates groupId:artifactId:version[:classifier] of a jar.";
        public static final String PATTERN = "^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$";
    }

    /** A percentage in (0, 100): a number, or a string such as {@code 10%}. */
    record Percentage() implements ValueType {
        /** One or two digits before the point, and not zero: the string form of (0, 100). */
        public static final String PATTERN = "^(?!0*(\\.0*)?%$)\\d{1,2}(\\.\\d+)?%$";
    }

    /** A mapping with the keys of {@code section}. */
    record Section(SectionSpec section) implements ValueType {
    }

    /** A mapping whose keys the schema does not constrain (backend and evaluator options, matrix fragments). */
    record AnyMapping() implements ValueType {
    }

    /** A mapping of names that {@code keys} accepts to values of one type. */
    record MapOf(Text keys, ValueType values) implements ValueType {
    }

    /** A list of at least {@code minItems} values of one type. */
    record ListOf(ValueType items, int minItems) implements ValueType {
    }

    /** One value, or a non-empty list of them: steps, one configuration each. */
    record Steps(ValueType step) implements ValueType {
    }

    /** A plain value (string, number, boolean or null), such as a sweep's. */
    record Scalar(String description) implements ValueType {
    }

    /** A tensor shape: dimensions that are numbers, {@code batch} or {@code sequence}. */
    record Dimensions(String dimensionDescription) implements ValueType {
        /** One dimension, as a whole-value regex. */
        public static final String DIMENSION = "\\d+|batch|sequence";
    }

    /** {@code [low, high)}: two numbers, each described. */
    record Interval(String lowDescription, String highDescription) implements ValueType {
    }

    /** One of a few names, or a mapping with the keys of {@code section} (a choice with a parameter). */
    record ChoiceOrSection(Choice choice, SectionSpec section) implements ValueType {
    }

    /** A warmup: a query count or a duration, or a mapping with exactly one of the two keys. */
    record Warmup(KeySpec queries, KeySpec duration) implements ValueType {
        /** The keys of the long form, {@code { queries: N }} or {@code { duration: 5s }}. */
        public List<String> keyNames() {
            return List.of(queries.name(), duration.name());
        }
    }

    /**
     * The matrix: axes of labelled variants (each a fragment overriding some of {@code overridable})
     * or sweeps with the keys of {@code sweep}.
     */
    record Matrix(SectionSpec sweep, String axisDescription, String variantsDescription, String fragmentDescription,
                  List<KeySpec> overridable) implements ValueType {
        public Matrix {
            overridable = List.copyOf(overridable);
        }
    }
}
