package io.inferbench.serve;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.inferbench.protocol.V2Json;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The v2 protocol over HTTP/1.1 on Netty: a codec, keep-alive, {@code Expect: 100-continue}, an
 * aggregator that refuses bodies past the size limit with 413 before reading them, and
 * {@link HttpRoutes} behind. Parsing runs on the event loop; inference on the queue's workers, whose
 * completion writes the answer. A request Netty cannot decode is a 400, and a handler's exception
 * closes only its own connection: one bad client never stops the server.
 */
public final class HttpInferenceServer implements AutoCloseable {
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final Channel channel;

    /** Binds {@code host:port} (0: a free port) and starts answering. */
    HttpInferenceServer(HttpRoutes routes, String host, int port, int maxRequestBytes) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new HttpServerExpectContinueHandler())
                                .addLast(new LimitedAggregator(maxRequestBytes))
                                .addLast(new Handler(routes));
                    }
                });
        try {
            channel = b.bind(host, port).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdownGroups();
            throw e;
        }
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting connections; open ones finish what they are answering within a few seconds. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        shutdownGroups();
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(100, 5000, TimeUnit.MILLISECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** 413 with a JSON error, and the connection closed (the rest of the body is not read). */
    private static final class LimitedAggregator extends HttpObjectAggregator {
        private final int limit;

        LimitedAggregator(int limit) {
            super(limit);
            this.limit = limit;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            FullHttpResponse r = response(HttpReply.error(413, "request body larger than the limit of " + limit
                    + " bytes (inferbench serve --max-request-bytes)"));
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final HttpRoutes routes;

        Handler(HttpRoutes routes) {
            this.routes = routes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (request.decoderResult().isFailure()) {
                write(ctx, HttpReply.error(400, "malformed HTTP request: " + request.decoderResult().cause()), false);
                return;
            }
            int headerLength;
            String given = request.headers().get(V2Json.HEADER_LENGTH);
            try {
                headerLength = given == null ? -1 : Integer.parseInt(given.strip());
                if (given != null && headerLength < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                write(ctx, HttpReply.error(400, V2Json.HEADER_LENGTH + ": expected a length in bytes, got '"
                        + given + "'"), keepAlive);
                return;
            }
            byte[] body = ByteBufUtil.getBytes(request.content());
            String path = new QueryStringDecoder(request.uri()).path();
            routes.handle(request.method().name(), path, body, headerLength)
                    .thenAccept(reply -> write(ctx, reply, keepAlive));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // this connection only
        }

        private static void write(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
            FullHttpResponse r = response(reply);
            HttpUtil.setKeepAlive(r, keepAlive);
            var written = ctx.writeAndFlush(r);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    static FullHttpResponse response(HttpReply reply) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
                Unpooled.wrappedBuffer(reply.body()));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.headerLength() >= 0
                ? HttpHeaderValues.APPLICATION_OCTET_STREAM : HttpHeaderValues.APPLICATION_JSON);
        if (reply.headerLength() >= 0) {
            r.headers().set(V2Json.HEADER_LENGTH, reply.headerLength());
        }
        HttpUtil.setContentLength(r, reply.body().length);
        return r;
    }
}
