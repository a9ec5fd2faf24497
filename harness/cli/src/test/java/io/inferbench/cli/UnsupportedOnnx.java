package io.inferbench.cli;

import io.inferbench.onnx.OnnxModelFiles;
import io.inferbench.onnx.proto.OnnxProto.GraphProto;
import io.inferbench.onnx.proto.OnnxProto.ModelProto;
import io.inferbench.onnx.proto.OnnxProto.NodeProto;
import io.inferbench.onnx.proto.OnnxProto.OperatorSetIdProto;
import io.inferbench.onnx.proto.OnnxProto.TensorShapeProto;
import io.inferbench.onnx.proto.OnnxProto.TypeProto;
import io.inferbench.onnx.proto.OnnxProto.ValueInfoProto;
import java.nio.file.Path;

/** A tiny ONNX model with an operator the ONNX to TensorFlow converter does not know. */
final class UnsupportedOnnx {
    private UnsupportedOnnx() {
    }

    /** x float [1, 4] -> LpNormalization (an operator the ONNX to TensorFlow converter does not know) -> y. */
    static Path lpNormalization(Path dir) throws Exception {
        var floats = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(1)
                .setShape(TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(4))));
        ModelProto model = ModelProto.newBuilder().setIrVersion(7)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(11))
                .setGraph(GraphProto.newBuilder().setName("lp")
                        .addInput(ValueInfoProto.newBuilder().setName("x").setType(floats))
                        .addOutput(ValueInfoProto.newBuilder().setName("y").setType(floats))
                        .addNode(NodeProto.newBuilder().setName("lp").setOpType("LpNormalization").addInput("x")
                                .addOutput("y")))
                .build();
        Path file = dir.resolve("lp.onnx");
        OnnxModelFiles.write(model, file);
        return file;
    }
}
