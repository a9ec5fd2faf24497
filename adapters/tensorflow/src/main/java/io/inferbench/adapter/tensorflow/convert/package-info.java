/**
 * ONNX to TensorFlow SavedModel conversion ({@link io.inferbench.adapter.tensorflow.convert.OnnxToTensorFlow}),
 * so the same real model runs on ONNX Runtime and on TensorFlow Java.
 *
 * <p>The ONNX protobuf classes ({@code io.inferbench.onnx.proto.OnnxProto}) come from harness/onnx, generated
 * with protoc matching the protobuf-java runtime TensorFlow Java needs. One {@link io.inferbench.adapter.tensorflow.convert.OpConverter} per ONNX operator builds
 * the equivalent ops; rank-4 image tensors may be kept channels-last between convolutions
 * ({@link io.inferbench.adapter.tensorflow.convert.TfValue}).
 */
package io.inferbench.adapter.tensorflow.convert;
