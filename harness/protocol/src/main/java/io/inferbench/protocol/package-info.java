/**
 * The wire formats both ends of a served model share, so that {@code inferbench serve} and the remote
 * backends cannot drift apart: the Open Inference Protocol v2 over REST ({@link V2Json}: JSON tensors and
 * the binary tensor extension), over gRPC ({@link GrpcInference}, {@link GrpcTensors}, and the messages
 * compiled from {@code grpc_predict_v2.proto} in {@code io.inferbench.protocol.grpc}), and TensorFlow
 * Serving's REST predict format ({@link TfServingJson}). Malformed input is a {@link ProtocolException}
 * whose message names the field: servers answer it with 400, clients report it.
 */
package io.inferbench.protocol;
