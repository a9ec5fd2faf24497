package io.inferbench.serve;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.inferbench.api.Tensor;
import io.inferbench.protocol.GrpcInference;
import io.inferbench.protocol.GrpcTensors;
import io.inferbench.protocol.grpc.InferTensorContents;
import io.inferbench.protocol.grpc.ModelInferRequest;
import io.inferbench.protocol.grpc.ModelInferResponse;
import io.inferbench.protocol.grpc.ModelMetadataRequest;
import io.inferbench.protocol.grpc.ModelMetadataResponse;
import io.inferbench.protocol.grpc.ModelReadyRequest;
import io.inferbench.protocol.grpc.ServerLiveRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code inferbench serve}'s gRPC side: health, metadata, inference with raw and typed contents, and
 * the statuses of bad requests (unknown model, lying shapes, unknown datatypes, mismatched raw
 * contents); after each, the next good request is answered.
 */
class GrpcProtocolTest {
    private static InferenceServer server;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = ReluAbsSession.serve(ServeSettings.loopbackAnyPort(), 0);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.close();
    }

    @AfterEach
    void stillAnswers() throws Exception {
        Map<String, Tensor> out = GrpcTensors.outputs(infer(good()));
        assertArrayEquals(new float[] {0, 2, 0}, out.get("y").toFloatArray());
    }

    private static ModelInferRequest good() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", ReluAbsSession.floats(new long[] {1, 3}, -1, 2, -3));
        in.put("ids", ReluAbsSession.longs(new long[] {1}, -5));
        return GrpcTensors.request("relu-abs", "", in);
    }

    private static ModelInferResponse infer(ModelInferRequest r) {
        return ClientCalls.blockingUnaryCall(channel, GrpcInference.MODEL_INFER, CallOptions.DEFAULT, r);
    }

    @Test
    void healthAndMetadata() {
        assertTrue(ClientCalls.blockingUnaryCall(channel, GrpcInference.SERVER_LIVE, CallOptions.DEFAULT,
                ServerLiveRequest.getDefaultInstance()).getLive());
        assertTrue(ClientCalls.blockingUnaryCall(channel, GrpcInference.MODEL_READY, CallOptions.DEFAULT,
                ModelReadyRequest.newBuilder().setName("relu-abs").build()).getReady());
        ModelMetadataResponse m = ClientCalls.blockingUnaryCall(channel, GrpcInference.MODEL_METADATA,
                CallOptions.DEFAULT, ModelMetadataRequest.newBuilder().setName("relu-abs").build());
        assertEquals("x", m.getInputs(0).getName());
        assertEquals("FP32", m.getInputs(0).getDatatype());
        assertEquals(java.util.List.of(-1L, 3L), m.getInputs(0).getShapeList());
    }

    @Test
    void typedContentsAreAcceptedToo() throws Exception {
        ModelInferRequest typed = ModelInferRequest.newBuilder().setModelName("relu-abs")
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("x").setDatatype("FP32")
                        .addShape(1).addShape(3).setContents(InferTensorContents.newBuilder()
                                .addFp32Contents(-1).addFp32Contents(1).addFp32Contents(-2)))
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("ids").setDatatype("INT64")
                        .addShape(1).setContents(InferTensorContents.newBuilder().addInt64Contents(-9)))
                .build();
        Map<String, Tensor> out = GrpcTensors.outputs(infer(typed));
        assertArrayEquals(new float[] {0, 1, 0}, out.get("y").toFloatArray());
        assertArrayEquals(new float[] {9}, out.get("abs_ids").toFloatArray());
    }

    @Test
    void badRequestsGetTheirStatusAndReason() {
        assertStatus(Status.Code.NOT_FOUND, "unknown model 'nope'", good().toBuilder().setModelName("nope").build());
        assertStatus(Status.Code.INVALID_ARGUMENT, "needs 12 bytes but its raw contents have 8", good().toBuilder()
                .setRawInputContents(0, ByteString.copyFrom(new byte[8])).build());
        assertStatus(Status.Code.INVALID_ARGUMENT, "too large", good().toBuilder()
                .setInputs(0, good().getInputs(0).toBuilder().clearShape().addShape(1L << 40).addShape(1L << 40))
                .build());
        assertStatus(Status.Code.INVALID_ARGUMENT, "unknown datatype 'FP8'", good().toBuilder()
                .setInputs(0, good().getInputs(0).toBuilder().setDatatype("FP8")).build());
        assertStatus(Status.Code.INVALID_ARGUMENT, "raw_input_contents has 1 entries for 2 inputs", good().toBuilder()
                .clearRawInputContents().addRawInputContents(ByteString.copyFrom(new byte[12])).build());
        assertStatus(Status.Code.INVALID_ARGUMENT, "but the model expects FP32[-1, 3]", good().toBuilder()
                .setInputs(0, good().getInputs(0).toBuilder().clearShape().addShape(4)).setRawInputContents(0,
                        ByteString.copyFrom(new byte[16])).build());
    }

    private static void assertStatus(Status.Code code, String message, ModelInferRequest request) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> infer(request));
        assertEquals(code, e.getStatus().getCode(), e.getMessage());
        assertTrue(String.valueOf(e.getStatus().getDescription()).contains(message), e.getMessage());
    }
}
