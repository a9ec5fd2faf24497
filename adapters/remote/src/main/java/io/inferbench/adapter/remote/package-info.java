/**
 * Backends that send each query to an inference server, written against the adapter kit:
 * {@code kserve-v2-http} and {@code kserve-v2-grpc} (the Open Inference Protocol v2: Triton, KServe,
 * MLServer, OpenVINO Model Server, {@code inferbench serve}) and {@code tfserving-rest} (TensorFlow
 * Serving's REST predict API). A session connects, checks the server and model are ready, and takes
 * the inputs and outputs from the model's metadata; {@code prepare} serializes a request once, outside
 * the timed region; {@code run} sends it and waits for and decodes the answer. Calls are asynchronous
 * underneath (the JDK's HttpClient, grpc-java): the runner waits on the answer's future, so the
 * load generator's worker is the only thread a query in flight holds.
 */
package io.inferbench.adapter.remote;
