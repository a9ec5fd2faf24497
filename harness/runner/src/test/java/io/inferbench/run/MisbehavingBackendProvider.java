package io.inferbench.run;

import io.inferbench.api.BackendInfo;
import io.inferbench.api.BackendProvider;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceInfo;
import io.inferbench.api.ModelFormat;
import io.inferbench.api.ModelLoadRequest;
import io.inferbench.api.ModelSession;
import io.inferbench.api.OptionSpec;
import io.inferbench.api.PreparedInput;
import io.inferbench.api.Runner;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code backend: { name: misbehaving, options: { mode: exit | hang | oom | segfault, spare-first: FILE } }}:
 * a backend that opens fine (so preflight passes) and then, on the first query, takes its JVM down
 * the way real native backends do. With {@code spare-first}, the first JVM to query behaves and
 * only later ones misbehave (a fork that dies after others succeeded). Only on the test class path
 * (registered in the test resources), and only ever run in a child JVM.
 */
public final class MisbehavingBackendProvider implements BackendProvider {
    public static final String NAME = "misbehaving";
    /** The exit status of mode {@code exit}: what a SIGKILL gives. */
    static final int EXIT_STATUS = 137;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ModelFormat> formats() {
        return List.of(ModelFormat.NONE);
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.choice("mode", "exit", List.of("exit", "hang", "oom", "segfault"),
                "how the first query takes the JVM down"),
                OptionSpec.string("spare-first", "", "a file: the first JVM to query creates it and behaves (1 ms "
                        + "queries); JVMs that find it misbehave. Empty: every JVM misbehaves"));
    }

    @Override
    public BackendInfo info() {
        return new BackendInfo(NAME, "Misbehaving (tests)", "test", Map.of(),
                List.of(new DeviceInfo(Device.CPU, "cpu", true, "")), List.of(), List.of());
    }

    @Override
    public ModelSession open(ModelLoadRequest request) {
        String mode = request.stringOption("mode", "exit");
        String spareFirst = request.stringOption("spare-first", "");
        return new ModelSession() {
            @Override
            public List<TensorSpec> inputs() {
                return List.of();
            }

            @Override
            public List<TensorSpec> outputs() {
                return List.of();
            }

            @Override
            public Map<String, String> properties() {
                return Map.of("mode", mode);
            }

            @Override
            public Runner newRunner() {
                return new MisbehavingRunner(mode, spareFirst);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Per JVM and marker file: whether this JVM was the first to query, and so behaves. */
    private static final Map<String, Boolean> SPARED = new ConcurrentHashMap<>();

    private static boolean spared(String markerFile) {
        return !markerFile.isEmpty() && SPARED.computeIfAbsent(markerFile, f -> {
            try {
                Files.createFile(Path.of(f));
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private record MisbehavingRunner(String mode, String spareFirst) implements Runner {
        @Override
        public PreparedInput prepare(Map<String, Tensor> inputs) {
            return new PreparedInput() { };
        }

        @Override
        public void run(PreparedInput input) {
            if (spared(spareFirst)) {
                LockSupport.parkNanos(1_000_000);
                return;
            }
            System.err.println("misbehaving backend: mode " + mode);
            switch (mode) {
                case "exit" -> System.exit(EXIT_STATUS);
                case "hang" -> hang();
                case "oom" -> exhaustHeap();
                case "segfault" -> segfault();
                default -> throw new IllegalStateException("unknown mode " + mode);
            }
        }

        @Override
        public Map<String, Tensor> runAndFetch(PreparedInput input) {
            run(input);
            return Map.of();
        }

        @Override
        public void close() {
        }

        private static void hang() {
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // a hung native call does not answer interrupts either
                }
            }
        }

        private static void exhaustHeap() {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }

        /** Writes to address 0 through sun.misc.Unsafe: the JVM dies with SIGSEGV, as a native backend can. */
        private static void segfault() {
            try {
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                Field f = unsafeClass.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                Object unsafe = f.get(null);
                unsafeClass.getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 0L);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot reach sun.misc.Unsafe to crash the JVM", e);
            }
        }
    }
}
