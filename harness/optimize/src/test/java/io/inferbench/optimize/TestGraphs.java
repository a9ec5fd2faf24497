package io.inferbench.optimize;

import io.inferbench.onnx.proto.OnnxProto.AttributeProto;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.inferbench.onnx.proto.OnnxProto.TensorShapeProto;
import io.inferbench.onnx.proto.OnnxProto.TypeProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Small ModelProtos built in the tests: MatMul + Add, a Gemm, a Conv. */
final class TestGraphs {
    private TestGraphs() {
    }

    static ValueInfoProto value(String name, int elemType, long... dims) {
        var shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("n")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian() * 0.5f;
        }
        return v;
    }

    static ModelProto model(GraphProto.Builder graph, int opset) {
        return ModelProto.newBuilder().setIrVersion(7).setProducerName("inferbench-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build();
    }

    /** x [n, 8] -> MatMul W [8, 4] -> Add b [4] -> y. */
    static ModelProto matMulAdd() {
        return model(GraphProto.newBuilder().setName("matmul-add")
                .addInput(value("x", Tensors.FLOAT, -1, 8)).addOutput(value("y", Tensors.FLOAT, -1, 4))
                .addInitializer(Tensors.floatTensor("W", random(32, 1), List.of(8L, 4L)))
                .addInitializer(Tensors.floatTensor("b", random(4, 2), List.of(4L)))
                .addNode(GraphNames.node("MatMul", "mm", List.of("x", "W"), List.of("h")))
                .addNode(GraphNames.node("Add", "add", List.of("h", "b"), List.of("y"))), 13);
    }

    /** x [n, 8] -> Gemm(W [4, 8], C [4], transB=1, alpha=0.5, beta=2) -> y. */
    static ModelProto gemm() {
        return model(GraphProto.newBuilder().setName("gemm")
                .addInput(value("x", Tensors.FLOAT, -1, 8)).addOutput(value("y", Tensors.FLOAT, -1, 4))
                .addInitializer(Tensors.floatTensor("W", random(32, 3), List.of(4L, 8L)))
                .addInitializer(Tensors.floatTensor("C", random(4, 4), List.of(4L)))
                .addNode(GraphNames.node("Gemm", "gemm", List.of("x", "W", "C"), List.of("y"),
                        GraphNames.intAttribute("transB", 1), floatAttribute("alpha", 0.5f),
                        floatAttribute("beta", 2f))), 13);
    }

    /** x [1, 3, 8, 8] -> Conv(W [4, 3, 3, 3], B [4], pads 1) -> Relu -> y. */
    static ModelProto conv() {
        AttributeProto pads = AttributeProto.newBuilder().setName("pads").setType(AttributeProto.AttributeType.INTS)
                .addAllInts(List.of(1L, 1L, 1L, 1L)).build();
        return model(GraphProto.newBuilder().setName("conv")
                .addInput(value("x", Tensors.FLOAT, 1, 3, 8, 8)).addOutput(value("y", Tensors.FLOAT, 1, 4, 8, 8))
                .addInitializer(Tensors.floatTensor("W", random(108, 5), List.of(4L, 3L, 3L, 3L)))
                .addInitializer(Tensors.floatTensor("B", random(4, 6), List.of(4L)))
                .addNode(GraphNames.node("Conv", "conv", List.of("x", "W", "B"), List.of("c"), pads))
                .addNode(GraphNames.node("Relu", "relu", List.of("c"), List.of("y"))), 13);
    }

    static AttributeProto floatAttribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static Map<String, Integer> opCounts(ModelProto model) {
        Map<String, Integer> counts = new TreeMap<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            counts.merge(n.getOpType(), 1, Integer::sum);
        }
        return counts;
    }
}
