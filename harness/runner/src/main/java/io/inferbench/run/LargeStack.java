package io.inferbench.run;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Runs an entry point's work on a thread with a large stack. The JVM's main thread gets the default
 * thread stack (1 MB on Linux x64), and ONNX Runtime's native initialisation has been seen to
 * overflow it (a bare SIGSEGV with no crash report) depending on how deep the Java frames above it
 * are; native libraries assume the 8 MB a C program's main thread has.
 */
public final class LargeStack {
    /** Like a C program's main thread. */
    static final long STACK_BYTES = 16L << 20;

    private LargeStack() {
    }

    /** Runs {@code body} on a thread with a {@value #STACK_BYTES}-byte stack and returns its exit status. */
    public static int run(String name, IntSupplier body) {
        AtomicInteger status = new AtomicInteger(ForkMain.EXIT_HARNESS_ERROR);
        Thread t = new Thread(null, () -> status.set(body.getAsInt()), name, STACK_BYTES);
        t.start();
        while (true) {
            try {
                t.join();
                return status.get();
            } catch (InterruptedException e) {
                t.interrupt();
            }
        }
    }
}
