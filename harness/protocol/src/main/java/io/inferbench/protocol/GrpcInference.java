package io.inferbench.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.grpc.MethodDescriptor;
import io.inferbench.protocol.grpc.ModelInferRequest;
import io.inferbench.protocol.grpc.ModelInferResponse;
import io.inferbench.protocol.grpc.ModelMetadataRequest;
import io.inferbench.protocol.grpc.ModelMetadataResponse;
import io.inferbench.protocol.grpc.ModelReadyRequest;
import io.inferbench.protocol.grpc.ModelReadyResponse;
import io.inferbench.protocol.grpc.ServerLiveRequest;
import io.inferbench.protocol.grpc.ServerLiveResponse;
import io.inferbench.protocol.grpc.ServerMetadataRequest;
import io.inferbench.protocol.grpc.ServerMetadataResponse;
import io.inferbench.protocol.grpc.ServerReadyRequest;
import io.inferbench.protocol.grpc.ServerReadyResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The methods of {@code inference.GRPCInferenceService}, described for grpc-java by hand: the
 * generated stubs of protoc-gen-grpc-java would bring grpc-protobuf, whose protobuf runtime is newer
 * than the one the harness manages. A unary method needs only its full name and two marshallers.
 */
public final class GrpcInference {
    public static final String SERVICE = "inference.GRPCInferenceService";

    public static final MethodDescriptor<ServerLiveRequest, ServerLiveResponse> SERVER_LIVE =
            unary("ServerLive", ServerLiveRequest.parser(), ServerLiveResponse.parser());
    public static final MethodDescriptor<ServerReadyRequest, ServerReadyResponse> SERVER_READY =
            unary("ServerReady", ServerReadyRequest.parser(), ServerReadyResponse.parser());
    public static final MethodDescriptor<ModelReadyRequest, ModelReadyResponse> MODEL_READY =
            unary("ModelReady", ModelReadyRequest.parser(), ModelReadyResponse.parser());
    public static final MethodDescriptor<ServerMetadataRequest, ServerMetadataResponse> SERVER_METADATA =
            unary("ServerMetadata", ServerMetadataRequest.parser(), ServerMetadataResponse.parser());
    public static final MethodDescriptor<ModelMetadataRequest, ModelMetadataResponse> MODEL_METADATA =
            unary("ModelMetadata", ModelMetadataRequest.parser(), ModelMetadataResponse.parser());
    public static final MethodDescriptor<ModelInferRequest, ModelInferResponse> MODEL_INFER =
            unary("ModelInfer", ModelInferRequest.parser(), ModelInferResponse.parser());

    private GrpcInference() {
    }

    private static <Q extends MessageLite, R extends MessageLite> MethodDescriptor<Q, R> unary(
            String method, Parser<Q> request, Parser<R> response) {
        return MethodDescriptor.<Q, R>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, method))
                .setRequestMarshaller(new Marshaller<>(request))
                .setResponseMarshaller(new Marshaller<>(response))
                .build();
    }

    /** A protobuf message to and from a gRPC stream. */
    private static final class Marshaller<T extends MessageLite> implements MethodDescriptor.Marshaller<T> {
        private final Parser<T> parser;

        Marshaller(Parser<T> parser) {
            this.parser = parser;
        }

        @Override
        public InputStream stream(T value) {
            return new ByteArrayInputStream(value.toByteArray());
        }

        @Override
        public T parse(InputStream stream) {
            try {
                return parser.parseFrom(stream);
            } catch (InvalidProtocolBufferException e) {
                // grpc-java turns this into INTERNAL; the message says what was malformed.
                throw new IllegalArgumentException("malformed protobuf message: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
