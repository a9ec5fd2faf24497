package io.inferbench.adapter.remote;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.inferbench.adapter.support.ErrorLines;
import io.inferbench.api.BackendException;
import io.inferbench.api.Tensor;
import io.inferbench.protocol.GrpcInference;
import io.inferbench.protocol.GrpcTensors;
import io.inferbench.protocol.ProtocolException;
import io.inferbench.protocol.grpc.ModelInferRequest;
import io.inferbench.protocol.grpc.ModelInferResponse;
import io.inferbench.protocol.grpc.ModelMetadataRequest;
import io.inferbench.protocol.grpc.ModelMetadataResponse;
import io.inferbench.protocol.grpc.ModelReadyRequest;
import io.inferbench.protocol.grpc.ServerMetadataRequest;
import io.inferbench.protocol.grpc.ServerMetadataResponse;
import io.inferbench.protocol.grpc.ServerReadyRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The v2 protocol over gRPC ({@code inference.GRPCInferenceService}) on grpc-java: {@code connections}
 * plaintext channels (each one HTTP/2 connection, multiplexing its calls), tensors sent as
 * {@code raw_input_contents}. The URL is {@code host:port} (a {@code grpc://} or {@code http://}
 * prefix is dropped).
 */
final class V2GrpcProtocol implements RemoteProtocol<ModelInferRequest, ModelInferResponse> {
    private final String backend;
    private final RemoteSettings settings;
    private final String target;
    private final ManagedChannel[] channels;
    private final Channel[] intercepted;

    V2GrpcProtocol(String backend, RemoteSettings settings) {
        this.backend = backend;
        this.settings = settings;
        this.target = settings.url().replaceFirst("^[a-z]+://", "");
        this.channels = new ManagedChannel[settings.connections()];
        this.intercepted = new Channel[channels.length];
        Metadata headers = new Metadata();
        settings.headers().forEach((k, v) -> headers.put(Metadata.Key.of(k.toLowerCase(java.util.Locale.ROOT),
                Metadata.ASCII_STRING_MARSHALLER), v));
        for (int i = 0; i < channels.length; i++) {
            channels[i] = NettyChannelBuilder.forTarget(target).usePlaintext()
                    .maxInboundMessageSize(Integer.MAX_VALUE).build();
            intercepted[i] = ClientInterceptors.intercept(channels[i], MetadataUtils.newAttachHeadersInterceptor(headers));
        }
    }

    @Override
    public Signature connect() throws BackendException {
        if (!call(GrpcInference.SERVER_READY, ServerReadyRequest.getDefaultInstance(), "ServerReady").getReady()) {
            throw new BackendException(backend + ": " + target + " says the server is not ready");
        }
        ModelReadyRequest ready = ModelReadyRequest.newBuilder().setName(settings.modelName())
                .setVersion(settings.modelVersion()).build();
        if (!call(GrpcInference.MODEL_READY, ready, "ModelReady").getReady()) {
            throw new BackendException(backend + ": " + target + " says model '" + settings.modelName()
                    + "' is not ready");
        }
        ModelMetadataResponse m = call(GrpcInference.MODEL_METADATA, ModelMetadataRequest.newBuilder()
                .setName(settings.modelName()).setVersion(settings.modelVersion()).build(), "ModelMetadata");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("protocol", "v2 gRPC, raw tensor contents");
        p.put("http-version", "HTTP/2 (gRPC, plaintext)");
        p.put("server-platform", m.getPlatform());
        p.put("model-versions", String.join(", ", m.getVersionsList()));
        try {
            ServerMetadataResponse s = call(GrpcInference.SERVER_METADATA, ServerMetadataRequest.getDefaultInstance(),
                    "ServerMetadata");
            p.put("server", s.getName() + " " + s.getVersion());
        } catch (BackendException e) {
            p.put("server", "unknown (" + e.getMessage() + ")");
        }
        try {
            return new Signature(GrpcTensors.specs(m.getInputsList()), GrpcTensors.specs(m.getOutputsList()), p);
        } catch (ProtocolException e) {
            throw new BackendException(backend + ": " + target + " model metadata: " + e.getMessage(), e);
        }
    }

    private <Q, R> R call(MethodDescriptor<Q, R> method, Q request, String name) throws BackendException {
        try {
            return ClientCalls.blockingUnaryCall(intercepted[0], method,
                    CallOptions.DEFAULT.withDeadlineAfter(settings.timeout().toNanos(), TimeUnit.NANOSECONDS), request);
        } catch (StatusRuntimeException e) {
            throw status(name, e);
        }
    }

    @Override
    public ModelInferRequest encode(Map<String, Tensor> inputs) {
        return GrpcTensors.request(settings.modelName(), settings.modelVersion(), inputs);
    }

    @Override
    public CompletableFuture<ModelInferResponse> send(ModelInferRequest request, int connection) {
        CompletableFuture<ModelInferResponse> done = new CompletableFuture<>();
        ListenableFuture<ModelInferResponse> call = ClientCalls.futureUnaryCall(
                intercepted[connection % intercepted.length].newCall(GrpcInference.MODEL_INFER,
                        CallOptions.DEFAULT.withDeadlineAfter(settings.timeout().toNanos(), TimeUnit.NANOSECONDS)),
                request);
        Futures.addCallback(call, new FutureCallback<>() {
            @Override
            public void onSuccess(ModelInferResponse result) {
                done.complete(result);
            }

            @Override
            public void onFailure(Throwable t) {
                done.completeExceptionally(t instanceof StatusRuntimeException s ? status("ModelInfer", s) : t);
            }
        }, MoreExecutors.directExecutor());
        return done;
    }

    @Override
    public Map<String, Tensor> decode(ModelInferResponse answer) throws BackendException {
        try {
            return GrpcTensors.outputs(answer);
        } catch (ProtocolException e) {
            throw new BackendException(backend + ": " + target + " ModelInfer answer: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> serverStatistics() {
        return Map.of(); // the statistics extension is HTTP's here (Triton's gRPC ModelStatistics is not in the v2 proto)
    }

    private BackendException status(String method, StatusRuntimeException e) {
        var s = e.getStatus();
        String description = s.getDescription() == null ? "" : ": " + s.getDescription();
        String hint = switch (s.getCode()) {
            case UNAVAILABLE -> " (is the server running and listening there?)";
            case NOT_FOUND -> " (unknown model)";
            case DEADLINE_EXCEEDED -> " (backend.options.timeout)";
            default -> "";
        };
        return new BackendException(ErrorLines.oneLine(backend + ": " + target + " " + method + " failed: "
                + s.getCode() + description + hint), e);
    }

    @Override
    public void close() {
        for (ManagedChannel c : channels) {
            c.shutdownNow();
        }
        for (ManagedChannel c : channels) {
            try {
                c.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
