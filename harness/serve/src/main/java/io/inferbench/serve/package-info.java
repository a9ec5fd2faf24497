/**
 * {@code inferbench serve}: one model behind the Open Inference Protocol v2, over HTTP (Netty:
 * {@link io.inferbench.serve.HttpInferenceServer}) and gRPC (grpc-java:
 * {@link io.inferbench.serve.GrpcInferenceServer}), so that what serving costs can be measured on the
 * same machine and the remote backends have a server to test against. The model is any
 * {@link io.inferbench.api.ModelSession}: a scenario configuration's, loaded as a run loads it
 * ({@link io.inferbench.serve.ServedModels}). Requests wait in a bounded queue
 * ({@link io.inferbench.serve.InferenceQueue}: 503 when full) for a fixed number of workers, each with its
 * own runner; {@link io.inferbench.serve.ServeStats} keeps Triton's statistics (queue and compute times).
 */
package io.inferbench.serve;
