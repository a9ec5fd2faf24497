package io.inferbench.serve;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.inferbench.protocol.GrpcInference;
import io.inferbench.protocol.GrpcTensors;
import io.inferbench.protocol.ProtocolException;
import io.inferbench.protocol.grpc.ModelInferRequest;
import io.inferbench.protocol.grpc.ModelInferResponse;
import io.inferbench.protocol.grpc.ModelMetadataRequest;
import io.inferbench.protocol.grpc.ModelMetadataResponse;
import io.inferbench.protocol.grpc.ModelReadyRequest;
import io.inferbench.protocol.grpc.ModelReadyResponse;
import io.inferbench.protocol.grpc.ServerLiveResponse;
import io.inferbench.protocol.grpc.ServerMetadataResponse;
import io.inferbench.protocol.grpc.ServerReadyResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The v2 protocol over gRPC ({@code inference.GRPCInferenceService}) on grpc-java, with the same
 * model, queue and statistics as HTTP. Errors are gRPC statuses with the same messages:
 * INVALID_ARGUMENT (400), NOT_FOUND (404), RESOURCE_EXHAUSTED (413: message too large, or 503: queue
 * full), UNAVAILABLE (shutting down), INTERNAL (the model failed).
 */
public final class GrpcInferenceServer implements AutoCloseable {
    private final Server server;

    GrpcInferenceServer(InferenceService service, String host, int port, int maxMessageBytes, String version)
            throws IOException {
        ServerServiceDefinition definition = ServerServiceDefinition.builder(GrpcInference.SERVICE)
                .addMethod(GrpcInference.SERVER_LIVE, ServerCalls.asyncUnaryCall((request, out) ->
                        reply(out, ServerLiveResponse.newBuilder().setLive(true).build())))
                .addMethod(GrpcInference.SERVER_READY, ServerCalls.asyncUnaryCall((request, out) ->
                        reply(out, ServerReadyResponse.newBuilder().setReady(service.ready()).build())))
                .addMethod(GrpcInference.SERVER_METADATA, ServerCalls.asyncUnaryCall((request, out) ->
                        reply(out, ServerMetadataResponse.newBuilder().setName(HttpRoutes.SERVER_NAME)
                                .setVersion(version).addExtensions("binary_tensor_data")
                                .addExtensions("statistics").build())))
                .addMethod(GrpcInference.MODEL_READY, ServerCalls.asyncUnaryCall(
                        (ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) -> {
                            if (notFound(service, request.getName(), request.getVersion(), out)) {
                                return;
                            }
                            reply(out, ModelReadyResponse.newBuilder().setReady(service.ready()).build());
                        }))
                .addMethod(GrpcInference.MODEL_METADATA, ServerCalls.asyncUnaryCall(
                        (ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> out) -> {
                            if (notFound(service, request.getName(), request.getVersion(), out)) {
                                return;
                            }
                            ServedModel m = service.model();
                            reply(out, ModelMetadataResponse.newBuilder().setName(m.name())
                                    .addVersions(m.version()).setPlatform(m.platform())
                                    .addAllInputs(GrpcTensors.metadata(m.inputs()))
                                    .addAllOutputs(GrpcTensors.metadata(m.outputs())).build());
                        }))
                .addMethod(GrpcInference.MODEL_INFER, ServerCalls.asyncUnaryCall(
                        (ModelInferRequest request, StreamObserver<ModelInferResponse> out) ->
                                infer(service, request, out)))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .maxInboundMessageSize(maxMessageBytes)
                .addService(definition)
                .build()
                .start();
    }

    public int port() {
        return server.getPort();
    }

    private static void infer(InferenceService service, ModelInferRequest request,
                              StreamObserver<ModelInferResponse> out) {
        long start = System.nanoTime();
        if (notFound(service, request.getModelName(), request.getModelVersion(), out)) {
            return;
        }
        ServedModel model = service.model();
        try {
            List<String> requested = request.getOutputsList().stream()
                    .map(ModelInferRequest.InferRequestedOutputTensor::getName).toList();
            String id = request.getId().isEmpty() ? null : request.getId();
            service.infer(GrpcTensors.inputs(request), requested).whenComplete((outputs, failure) -> {
                if (failure != null) {
                    service.failed(System.nanoTime() - start);
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    out.onError(Status.INTERNAL.withDescription("inference failed: " + cause.getMessage())
                            .asRuntimeException());
                    return;
                }
                long encodeStart = System.nanoTime();
                ModelInferResponse response = GrpcTensors.response(model.name(), model.version(), id, outputs);
                long end = System.nanoTime();
                service.succeeded(end - start, end - encodeStart);
                reply(out, response);
            });
        } catch (ProtocolException e) {
            service.failed(System.nanoTime() - start);
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        } catch (InferenceQueue.QueueFullException e) {
            service.failed(System.nanoTime() - start);
            out.onError((service.ready() ? Status.RESOURCE_EXHAUSTED : Status.UNAVAILABLE)
                    .withDescription(e.getMessage()).asRuntimeException());
        }
    }

    private static boolean notFound(InferenceService service, String name, String version, StreamObserver<?> out) {
        String mismatch = service.model().mismatch(name, version);
        if (mismatch != null) {
            out.onError(Status.NOT_FOUND.withDescription(mismatch).asRuntimeException());
            return true;
        }
        return false;
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    /** Stops taking calls and lets those in flight finish, up to 10 s. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
