package io.inferbench.protocol;

import com.google.protobuf.ByteString;
import io.inferbench.api.DType;
import io.inferbench.api.Tensor;
import io.inferbench.api.TensorSpec;
import io.inferbench.protocol.grpc.InferTensorContents;
import io.inferbench.protocol.grpc.ModelInferRequest;
import io.inferbench.protocol.grpc.ModelInferResponse;
import io.inferbench.protocol.grpc.ModelMetadataResponse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host tensors in the gRPC messages: as {@code raw_input_contents} / {@code raw_output_contents} (the
 * form Triton prefers and InferBench sends), or typed {@code contents}, which a server must also accept.
 */
public final class GrpcTensors {
    private GrpcTensors() {
    }

    /** A request carrying every input as raw bytes. */
    public static ModelInferRequest request(String model, String version, Map<String, Tensor> inputs) {
        ModelInferRequest.Builder b = ModelInferRequest.newBuilder().setModelName(model);
        if (version != null && !version.isEmpty()) {
            b.setModelVersion(version);
        }
        inputs.forEach((name, t) -> {
            b.addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName(name)
                    .setDatatype(V2Datatypes.name(t.dtype())).addAllShape(boxed(t.shape())));
            b.addRawInputContents(ByteString.copyFrom(TensorBytes.littleEndian(t)));
        });
        return b.build();
    }

    /** The request's inputs; checks names, datatypes and that every shape matches its data. */
    public static Map<String, Tensor> inputs(ModelInferRequest request) throws ProtocolException {
        int raw = request.getRawInputContentsCount();
        if (raw != 0 && raw != request.getInputsCount()) {
            throw new ProtocolException("raw_input_contents has " + raw + " entries for " + request.getInputsCount()
                    + " inputs");
        }
        if (request.getInputsCount() == 0) {
            throw new ProtocolException("inputs: expected at least one tensor");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < request.getInputsCount(); i++) {
            var t = request.getInputs(i);
            String field = "inputs[" + i + "]";
            Tensor tensor = tensor(field, t.getName(), t.getDatatype(), t.getShapeList(),
                    raw == 0 ? null : request.getRawInputContents(i), t.hasContents() ? t.getContents() : null);
            if (out.put(t.getName(), tensor) != null) {
                throw new ProtocolException(field + ": tensor '" + t.getName() + "' appears twice");
            }
        }
        return out;
    }

    /** A response carrying every output as raw bytes. */
    public static ModelInferResponse response(String model, String version, String id, Map<String, Tensor> outputs) {
        ModelInferResponse.Builder b = ModelInferResponse.newBuilder().setModelName(model).setModelVersion(version);
        if (id != null) {
            b.setId(id);
        }
        outputs.forEach((name, t) -> {
            b.addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName(name)
                    .setDatatype(V2Datatypes.name(t.dtype())).addAllShape(boxed(t.shape())));
            b.addRawOutputContents(ByteString.copyFrom(TensorBytes.littleEndian(t)));
        });
        return b.build();
    }

    /** The response's outputs, raw or typed. */
    public static Map<String, Tensor> outputs(ModelInferResponse response) throws ProtocolException {
        int raw = response.getRawOutputContentsCount();
        if (raw != 0 && raw != response.getOutputsCount()) {
            throw new ProtocolException("raw_output_contents has " + raw + " entries for "
                    + response.getOutputsCount() + " outputs");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < response.getOutputsCount(); i++) {
            var t = response.getOutputs(i);
            out.put(t.getName(), tensor("outputs[" + i + "]", t.getName(), t.getDatatype(), t.getShapeList(),
                    raw == 0 ? null : response.getRawOutputContents(i), t.hasContents() ? t.getContents() : null));
        }
        return out;
    }

    /** Metadata tensors as specs. */
    public static List<TensorSpec> specs(List<ModelMetadataResponse.TensorMetadata> tensors) throws ProtocolException {
        List<TensorSpec> out = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            var t = tensors.get(i);
            out.add(new TensorSpec(t.getName(), V2Datatypes.parse(t.getDatatype(), "metadata[" + i + "].datatype"),
                    t.getShapeList().stream().mapToLong(d -> Math.max(-1, d)).toArray()));
        }
        return out;
    }

    /** Specs as metadata tensors. */
    public static List<ModelMetadataResponse.TensorMetadata> metadata(List<TensorSpec> specs) {
        return specs.stream().map(s -> ModelMetadataResponse.TensorMetadata.newBuilder().setName(s.name())
                .setDatatype(V2Datatypes.name(s.dtype())).addAllShape(boxed(s.shape())).build()).toList();
    }

    private static Tensor tensor(String field, String name, String datatype, List<Long> shapeList, ByteString raw,
                                 InferTensorContents contents) throws ProtocolException {
        if (name.isEmpty()) {
            throw new ProtocolException(field + ": expected a name");
        }
        DType dtype = V2Datatypes.parse(datatype, field + ".datatype");
        long[] shape = shapeList.stream().mapToLong(Long::longValue).toArray();
        long count = TensorBytes.elementCount(shape, dtype, field);
        long bytes = count * dtype.byteSize();
        if (raw != null) {
            if (raw.size() != bytes) {
                throw new ProtocolException(field + ": shape " + Arrays.toString(shape) + " of " + datatype + " needs "
                        + bytes + " bytes but its raw contents have " + raw.size());
            }
            return TensorBytes.fromLittleEndian(dtype, shape, raw.toByteArray(), 0, (int) bytes);
        }
        if (contents == null) {
            throw new ProtocolException(field + ": no contents and no raw_input_contents");
        }
        return typed(field, dtype, shape, count, contents);
    }

    private static Tensor typed(String field, DType dtype, long[] shape, long count, InferTensorContents c)
            throws ProtocolException {
        int found = switch (dtype) {
            case FLOAT32 -> c.getFp32ContentsCount();
            case FLOAT64 -> c.getFp64ContentsCount();
            case INT64 -> c.getInt64ContentsCount();
            case INT32, INT16, INT8 -> c.getIntContentsCount();
            case UINT8 -> c.getUintContentsCount();
            case BOOL -> c.getBoolContentsCount();
            default -> throw new ProtocolException(field + ": " + V2Datatypes.name(dtype)
                    + " is accepted as raw contents only");
        };
        if (found != count) {
            throw new ProtocolException(field + ": shape " + Arrays.toString(shape) + " has " + count
                    + " elements but its contents have " + found);
        }
        ByteBuffer b = ByteBuffer.allocateDirect((int) (count * dtype.byteSize())).order(ByteOrder.nativeOrder());
        for (int i = 0; i < found; i++) {
            switch (dtype) {
                case FLOAT32 -> b.putFloat(c.getFp32Contents(i));
                case FLOAT64 -> b.putDouble(c.getFp64Contents(i));
                case INT64 -> b.putLong(c.getInt64Contents(i));
                case INT32 -> b.putInt(c.getIntContents(i));
                case INT16 -> b.putShort((short) c.getIntContents(i));
                case INT8 -> b.put((byte) c.getIntContents(i));
                case UINT8 -> b.put((byte) c.getUintContents(i));
                case BOOL -> b.put((byte) (c.getBoolContents(i) ? 1 : 0));
                default -> throw new IllegalStateException(dtype.toString());
            }
        }
        b.flip();
        return new Tensor(dtype, shape, b);
    }

    private static List<Long> boxed(long[] shape) {
        return Arrays.stream(shape).boxed().toList();
    }
}
