/**
 * The ONNX protobuf, one copy for every module that reads or writes ONNX graphs: the ONNX to TensorFlow
 * converter (adapters/tensorflow) and the optimizer (harness/optimize).
 *
 * <p>{@code io.inferbench.onnx.proto.OnnxProto} is generated at build time from {@code src/main/proto/onnx.proto}
 * (ONNX 1.12) with protoc {@code ${protobuf.version}}, the protobuf-java runtime TensorFlow Java 1.1.0 needs, so
 * that the TensorFlow adapter holds one protobuf runtime. {@link io.inferbench.onnx.OnnxModelFiles} reads and
 * writes model files.
 */
package io.inferbench.onnx;
