package io.inferbench.adapter.onnxruntime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtException.OrtErrorCode;
import io.inferbench.adapter.support.ErrorLines;
import io.inferbench.api.BackendException;
import io.inferbench.api.Device;
import io.inferbench.api.DeviceUnavailableException;
import io.inferbench.api.UnsupportedModelException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link OrtException}s into the SPI's exceptions, with one-line messages.
 *
 * <p>ONNX Runtime reports most failures with a generic code, so the classification also looks at
 * the message text; the phrases matched are stable across ONNX Runtime releases.
 */
final class OrtErrors {
    private static final Pattern PREFIX = Pattern.compile("^Error code - \\S+ - message: ");
    /** Callers name the model themselves. */
    private static final Pattern LOAD_PREFIX = Pattern.compile("^Load model from .*? failed: ?");
    /** e.g. {@code /onnxruntime_src/.../model_load_utils.h:46 void f(const std::string&, int) }. */
    private static final Pattern SOURCE_LOCATION = Pattern.compile("^\\S+\\.(?:h|cc|cpp|c):\\d+ ");

    /** Phrases meaning "this build cannot run this model", as opposed to "the file is broken". */
    private static final List<String> UNSUPPORTED = List.of(
            "could not find an implementation for", // no kernel for an op / type
            "no op registered for",                 // op unknown to this opset
            "unsupported model ir version",
            "is under development",                 // opset newer than this build
            "is not supported");

    /** Phrases meaning CUDA cannot reach a device: no GPU, no driver, missing CUDA libraries. */
    private static final List<String> NO_DEVICE = List.of(
            "no cuda-capable device", "invalid device ordinal", "driver version is insufficient",
            "failed to load library", "cannot open shared object file", "failed to find cuda");

    private OrtErrors() {
    }

    /**
     * The message on one line, at most 400 characters, without what a user cannot act on: ONNX
     * Runtime's "Error code - ..." and "Load model from ... failed:" prefixes and C++ source locations.
     */
    static String oneLine(Throwable e) {
        String message = ErrorLines.fold(e.getMessage() == null ? e.toString() : e.getMessage());
        message = PREFIX.matcher(message).replaceFirst("");
        message = LOAD_PREFIX.matcher(message).replaceFirst("");
        return ErrorLines.cap(withoutSourceLocation(message));
    }

    /** Drops a leading {@code file.h:46 signature(args)}; the function's parentheses may nest. */
    private static String withoutSourceLocation(String message) {
        Matcher location = SOURCE_LOCATION.matcher(message);
        int open = location.lookingAt() ? message.indexOf('(', location.end()) : -1;
        if (open < 0) {
            return message;
        }
        int depth = 0;
        for (int i = open; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return message.substring(i + 1).strip();
            }
        }
        return message;
    }

    /** A failure of {@code createSession} for {@code model} on {@code device}. */
    static BackendException onLoad(Path model, Device device, OrtException e) {
        String detail = oneLine(e);
        String lower = detail.toLowerCase(Locale.ROOT);
        if (device.kind() == Device.Kind.GPU && ErrorLines.containsAny(lower, NO_DEVICE)) {
            return noDevice(device, detail);
        }
        if (e.getCode() == OrtErrorCode.ORT_INVALID_PROTOBUF) {
            return new BackendException("not a valid ONNX model (protobuf parsing failed): " + model);
        }
        if (e.getCode() == OrtErrorCode.ORT_NOT_IMPLEMENTED || ErrorLines.containsAny(lower, UNSUPPORTED)) {
            return new UnsupportedModelException("onnxruntime cannot run " + model + ": " + detail);
        }
        return new BackendException("cannot load " + model + ": " + detail, e);
    }

    /** CUDA could not start on {@code device}. */
    static DeviceUnavailableException noDevice(Device device, String detail) {
        return new DeviceUnavailableException("no GPU found: onnxruntime's CUDA provider cannot use " + device
                + ": " + detail);
    }

    /** A failure of {@code OrtSession.run}. */
    static BackendException onRun(OrtException e) {
        return new BackendException("onnxruntime run failed: " + oneLine(e), e);
    }
}
