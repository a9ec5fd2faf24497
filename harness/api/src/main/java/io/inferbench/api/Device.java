package io.inferbench.api;

import java.util.Objects;

/**
 * A compute device.
 *
 * @param kind CPU or GPU
 * @param id   device ordinal; 0 for the CPU
 */
public record Device(Kind kind, int id) {
    public enum Kind { CPU, GPU }

    public static final Device CPU = new Device(Kind.CPU, 0);

    public Device {
        Objects.requireNonNull(kind, "kind");
        if (id < 0) {
            throw new IllegalArgumentException("device id must be >= 0, got " + id);
        }
    }

    public static Device gpu(int id) {
        return new Device(Kind.GPU, id);
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "gpu:" + id;
    }
}
