package io.inferbench.adapter.support.conformance;

import io.inferbench.api.BackendException;
import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link FakeBackend}, broken in one way each, with the suite's fixtures: {@code ConformanceSuiteTest}
 * runs the suite on each and expects the check of that property to fail. Nested classes, so Surefire
 * does not run them itself.
 */
final class Mutants {
    private Mutants() {
    }

    /** The suite with a provider made by the subclass. */
    abstract static class Mutant extends FakeBackendConformanceTest {
        @Override
        protected abstract BackendProvider provider();
    }

    static final class InfoThrows extends Mutant {
        @Override
        protected BackendProvider provider() {
            return new Forwarding.Provider() {
                @Override
                public BackendInfo info() {
                    throw new IllegalStateException("natives missing");
                }
            };
        }
    }

    static final class MistypedDefault extends Mutant {
        @Override
        protected BackendProvider provider() {
            return new Forwarding.Provider() {
                @Override
                public List<OptionSpec> options() {
                    return List.of(new OptionSpec("threads", OptionSpec.Type.INT, "0", List.of(), 0, "a string default"));
                }
            };
        }
    }

    static final class RejectsItsDefaults extends Mutant {
        @Override
        protected BackendProvider provider() {
            return new Forwarding.Provider() {
                @Override
                public List<OptionSpec> options() {
                    return List.of(OptionSpec.choice("mode", "fast", List.of("fast", "slow"), "mode"));
                }

                @Override
                public ModelSession open(ModelLoadRequest request) throws BackendException {
                    if (request.options().containsKey("mode")) {
                        throw new BackendException("invalid fake option: mode must be quick or slow");
                    }
                    return super.open(request);
                }
            };
        }
    }

    static final class NoOutputsDeclared extends Mutant {
        @Override
        protected BackendProvider provider() {
            return sessions(opened -> new Forwarding.Session(opened) {
                @Override
                public List<TensorSpec> outputs() {
                    return List.of();
                }
            });
        }
    }

    static final class MutableSpecs extends Mutant {
        @Override
        protected BackendProvider provider() {
            return sessions(opened -> new Forwarding.Session(opened) {
                @Override
                public List<TensorSpec> inputs() {
                    return new ArrayList<>(delegate.inputs());
                }
            });
        }
    }

    static final class WrongValues extends Mutant {
        @Override
        protected BackendProvider provider() {
            return runners(made -> new Forwarding.ForwardingRunner(made) {
                @Override
                public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
                    Tensor y = delegate.runAndFetch(input).get("y");
                    float[] v = y.toFloatArray();
                    v[v.length - 1] += 0.5f;
                    return Map.of("y", FakeBackend.tensor(y.shape(), v));
                }
            });
        }
    }

    /** Returns the first outputs it computed, whatever the input. */
    static final class StaleOutputs extends Mutant {
        @Override
        protected BackendProvider provider() {
            return runners(made -> new Forwarding.ForwardingRunner(made) {
                private Map<String, Tensor> first;

                @Override
                public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
                    if (first == null) {
                        first = delegate.runAndFetch(input);
                    }
                    return first;
                }
            });
        }
    }

    static final class NamelessErrors extends Mutant {
        @Override
        protected BackendProvider provider() {
            return runners(made -> new Forwarding.ForwardingRunner(made) {
                @Override
                public PreparedInput prepare(Map<String, Tensor> inputs) throws BackendException {
                    try {
                        return delegate.prepare(inputs);
                    } catch (BackendException e) {
                        throw new BackendException("invalid inputs");
                    }
                }
            });
        }
    }

    /** Any runner of the session runs any input, on the runner that made it. */
    static final class AcceptsForeignInputs extends Mutant {
        private record Tagged(Runner maker, PreparedInput input) implements PreparedInput {
        }

        @Override
        protected BackendProvider provider() {
            return runners(made -> new Forwarding.ForwardingRunner(made) {
                @Override
                public PreparedInput prepare(Map<String, Tensor> inputs) throws BackendException {
                    return new Tagged(delegate, delegate.prepare(inputs));
                }

                @Override
                public void run(PreparedInput input) throws BackendException {
                    Tagged t = (Tagged) input;
                    t.maker().run(t.input());
                }

                @Override
                public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
                    Tagged t = (Tagged) input;
                    return t.maker().runAndFetch(t.input());
                }
            });
        }
    }

    /** Closing the runner does nothing. */
    static final class UsableAfterClose extends Mutant {
        @Override
        protected BackendProvider provider() {
            return runners(made -> new Forwarding.ForwardingRunner(made) {
                @Override
                public void close() {
                }
            });
        }
    }

    static final class CloseTwiceThrows extends Mutant {
        @Override
        protected BackendProvider provider() {
            return sessions(opened -> new Forwarding.Session(opened) {
                private boolean closed;

                @Override
                public void close() {
                    if (closed) {
                        throw new IllegalStateException("session already closed");
                    }
                    closed = true;
                    super.close();
                }
            });
        }
    }

    /** Runners of one session share a scratch buffer: fine alone, wrong on several threads. */
    static final class NotThreadSafe extends Mutant {
        @Override
        protected BackendProvider provider() {
            return sessions(opened -> new Forwarding.Session(opened) {
                private final float[] scratch = new float[6];

                @Override
                Runner runner(Runner made) {
                    return new Forwarding.ForwardingRunner(made) {
                        @Override
                        public Map<String, Tensor> runAndFetch(PreparedInput input) throws BackendException {
                            Tensor y = delegate.runAndFetch(input).get("y");
                            System.arraycopy(y.toFloatArray(), 0, scratch, 0, scratch.length);
                            try {
                                Thread.sleep(2); // another runner writes meanwhile
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return Map.of("y", FakeBackend.tensor(y.shape(), scratch.clone()));
                        }
                    };
                }
            });
        }
    }

    /** Runs on the CPU when asked for a GPU. */
    static final class GpuOpens extends Mutant {
        @Override
        protected BackendProvider provider() {
            return new Forwarding.Provider() {
                @Override
                public ModelSession open(ModelLoadRequest r) throws BackendException {
                    return super.open(new ModelLoadRequest(r.modelPath(), r.format(), Device.CPU, r.options()));
                }
            };
        }
    }

    /** A missing GPU as a plain failure: the harness would report a failed configuration, not a skipped one. */
    static final class GpuFailsPlainly extends Mutant {
        @Override
        protected BackendProvider provider() {
            return new Forwarding.Provider() {
                @Override
                public ModelSession open(ModelLoadRequest r) throws BackendException {
                    if (r.device().kind() == Device.Kind.GPU) {
                        throw new BackendException("no GPU found: CUDA failed");
                    }
                    return super.open(r);
                }
            };
        }
    }

    /** A provider whose sessions {@code wrap} makes. */
    private static BackendProvider sessions(java.util.function.UnaryOperator<ModelSession> wrap) {
        return new Forwarding.Provider() {
            @Override
            ModelSession session(ModelSession opened) {
                return wrap.apply(opened);
            }
        };
    }

    /** A provider whose sessions' runners {@code wrap} makes. */
    private static BackendProvider runners(java.util.function.UnaryOperator<Runner> wrap) {
        return sessions(opened -> new Forwarding.Session(opened) {
            @Override
            Runner runner(Runner made) {
                return wrap.apply(made);
            }
        });
    }
}
