package io.inferbench.adapter.tensorflow.convert;

import com.google.protobuf.ByteString;
import io.inferbench.adapter.support.OnnxDataTypes;
import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.inferbench.onnx.proto.OnnxProto.TensorProto;
import io.inferbench.onnx.proto.OnnxProto.TensorShapeProto;
import io.inferbench.onnx.proto.OnnxProto.TypeProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Builds tiny ONNX models for the per-operator tests (real ones come from {@code ModelJars}). */
final class OnnxModels {
    static final int FLOAT = OnnxDataTypes.FLOAT;
    static final int INT64 = OnnxDataTypes.INT64;

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private final int opset;
    private int nodes;

    private OnnxModels(int opset) {
        this.opset = opset;
    }

    static OnnxModels opset(int opset) {
        return new OnnxModels(opset);
    }

    /** A graph input; a negative dimension is symbolic (dynamic). */
    OnnxModels input(String name, int elemType, long... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return this;
    }

    /** A graph output of unspecified shape. */
    OnnxModels output(String name, int elemType) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType))));
        return this;
    }

    OnnxModels initializer(String name, float[] values, long... dims) {
        graph.addInitializer(floats(name, values, dims));
        return this;
    }

    OnnxModels initializer(String name, long[] values, long... dims) {
        graph.addInitializer(longs(name, values, dims));
        return this;
    }

    /** An int8 or uint8 initializer ({@code type} {@link OnnxDataTypes#INT8} or {@link OnnxDataTypes#UINT8}). */
    OnnxModels initializer(String name, int type, byte[] values, long... dims) {
        graph.addInitializer(tensor(name, type, values, dims));
        return this;
    }

    OnnxModels node(String opType, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder().setOpType(opType).setName("/" + opType + "_" + nodes++)
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(List.of(attributes)));
        return this;
    }

    byte[] bytes() {
        return ModelProto.newBuilder().setIrVersion(7).setProducerName("inferbench-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build().toByteArray();
    }

    static ValueInfoProto valueInfo(String name, int elemType, long... dims) {
        var shape = TensorShapeProto.newBuilder();
        for (int i = 0; i < dims.length; i++) {
            shape.addDim(dims[i] < 0
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam(name + "_d" + i)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dims[i]));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    static TensorProto floats(String name, float[] values, long... dims) {
        var buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        return tensor(name, FLOAT, buf.array(), dims);
    }

    static TensorProto longs(String name, long[] values, long... dims) {
        var buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buf.putLong(v);
        }
        return tensor(name, INT64, buf.array(), dims);
    }

    private static TensorProto tensor(String name, int type, byte[] raw, long... dims) {
        var t = TensorProto.newBuilder().setName(name).setDataType(type).setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attrs(String name, long... values) {
        var a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto attr(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(value).build();
    }
}
