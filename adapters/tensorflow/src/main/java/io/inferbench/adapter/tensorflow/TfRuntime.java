package io.inferbench.adapter.tensorflow;

import io.inferbench.api.BackendException;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

import java.util.ArrayList;
import java.util.List;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_CloseSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewGraph;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

/**
 * TensorFlow as loaded in this JVM: its version and the devices it sees.
 *
 * <p>Loaded once, on first use, after {@link TfNatives} has chosen JavaCPP's cache directory; a
 * failure is remembered, because a class whose static initialiser failed cannot be retried in the
 * same JVM. The device list comes from a throw-away session (TensorFlow's C API has no other way
 * to enumerate devices) and is computed once.
 */
final class TfRuntime {
    private static TfRuntime instance;
    private static String failure;

    /**
     * A device as TensorFlow names it.
     *
     * @param name        e.g. {@code /job:localhost/replica:0/task:0/device:GPU:0}
     * @param type        {@code CPU} or {@code GPU}
     * @param memoryBytes memory limit TensorFlow reports
     */
    record TfDevice(String name, String type, long memoryBytes) {
    }

    private final String version;
    private final List<TfDevice> devices;
    private final String devicesProblem;
    private final TfNatives.Location natives;

    private TfRuntime(String version, List<TfDevice> devices, String devicesProblem, TfNatives.Location natives) {
        this.version = version;
        this.devices = List.copyOf(devices);
        this.devicesProblem = devicesProblem;
        this.natives = natives;
    }

    /** The runtime, loading the natives on the first call (seconds; minutes when first unpacked). */
    static synchronized TfRuntime get() throws BackendException {
        if (instance != null) {
            return instance;
        }
        if (failure != null) {
            throw new BackendException(failure);
        }
        TfNatives.Location natives = TfNatives.install();
        String version;
        try {
            version = TensorFlow.version();
        } catch (RuntimeException | LinkageError e) {
            failure = "cannot load the TensorFlow native libraries (JavaCPP cache " + natives.directory() + "): "
                    + TfErrors.oneLine(e);
            throw new BackendException(failure, e);
        }
        List<TfDevice> devices = new ArrayList<>();
        String problem = "";
        try {
            devices.addAll(listDevices());
        } catch (RuntimeException | LinkageError e) {
            problem = "cannot list TensorFlow devices: " + TfErrors.oneLine(e);
        }
        instance = new TfRuntime(version, devices, problem, natives);
        return instance;
    }

    private static List<TfDevice> listDevices() {
        TF_Status status = TF_NewStatus();
        TF_Graph graph = TF_NewGraph();
        TF_SessionOptions options = TF_NewSessionOptions();
        TF_Session session = null;
        TF_DeviceList list = null;
        try {
            // A GPU build would otherwise reserve nearly all GPU memory for this probe.
            byte[] config = ConfigProto.newBuilder()
                    .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true)).build().toByteArray();
            try (BytePointer bytes = new BytePointer(config)) {
                TF_SetConfig(options, bytes, config.length, status);
            }
            check(status);
            session = TF_NewSession(graph, options, status);
            check(status);
            list = TF_SessionListDevices(session, status);
            check(status);
            List<TfDevice> devices = new ArrayList<>();
            int n = TF_DeviceListCount(list);
            for (int i = 0; i < n; i++) {
                String name = string(TF_DeviceListName(list, i, status));
                String type = string(TF_DeviceListType(list, i, status));
                devices.add(new TfDevice(name, type, TF_DeviceListMemoryBytes(list, i, status)));
            }
            return devices;
        } finally {
            if (list != null) {
                TF_DeleteDeviceList(list);
            }
            if (session != null) {
                TF_CloseSession(session, status);
                TF_DeleteSession(session, status);
            }
            TF_DeleteSessionOptions(options);
            TF_DeleteGraph(graph);
            TF_DeleteStatus(status);
        }
    }

    private static TF_DeviceList TF_SessionListDevices(TF_Session session, TF_Status status) {
        return org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices(session, status);
    }

    private static void check(TF_Status status) {
        if (TF_GetCode(status) != TF_OK) {
            throw new IllegalStateException(string(TF_Message(status)));
        }
    }

    private static String string(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString();
    }

    /** Version of the TensorFlow native library, e.g. {@code 2.18.0}. */
    String version() {
        return version;
    }

    List<TfDevice> devices() {
        return devices;
    }

    /** GPUs TensorFlow sees, in its order ({@code /GPU:0} first). */
    List<TfDevice> gpus() {
        return devices.stream().filter(d -> d.type().equals("GPU")).toList();
    }

    /** Why the device list is empty or incomplete; empty when it is fine. */
    String devicesProblem() {
        return devicesProblem;
    }

    TfNatives.Location natives() {
        return natives;
    }
}
