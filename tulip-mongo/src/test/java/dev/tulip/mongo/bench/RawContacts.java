package dev.tulip.mongo.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000 without Tulip: Netty's HTTP codec and the reactive driver (its {@code Document} codec)
 * on one epoll group, the driver's I/O on the server's loops as Tulip does. It does the seed's own
 * work: {@code _id} to a string {@code id}, JSON by Jackson; no validation beyond what Netty and
 * Jackson refuse.
 */
final class RawContacts {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawContacts() {}

    static void serve(String uri, int port) throws Exception {
        var group = new MultiThreadIoEventLoopGroup(EpollIoHandler.newFactory());
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .transportSettings(TransportSettings.nettyBuilder()
                        .eventLoopGroup(group)
                        .socketChannelClass(EpollSocketChannel.class)
                        .build())
                .build());
        MongoCollection<Document> contacts = client.getDatabase("bench").getCollection("contacts");
        List<Document> seed = new ArrayList<>();
        for (int i = 0; i < 20; i++) seed.add(new Document("name", "contact " + i).append("phone", "555-01" + i));
        collect(contacts.insertMany(seed), 1, r -> {}, e -> {});
        new ServerBootstrap()
                .group(group)
                .channel(EpollServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(1 << 20),
                                        new Handler(contacts));
                    }
                })
                .bind("127.0.0.1", port)
                .sync();
        System.out.println("raw serving on http://127.0.0.1:" + port);
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final MongoCollection<Document> contacts;

        Handler(MongoCollection<Document> contacts) {
            this.contacts = contacts;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            if (req.method() == HttpMethod.GET && req.uri().equals("/")) {
                List<Document> out = new ArrayList<>(20);
                collect(
                        contacts.find().limit(20),
                        20,
                        out::add,
                        e -> respond(ctx, keepAlive, 500, e.toString()),
                        () -> {
                            for (Document d : out) d.put("id", ((ObjectId) d.remove("_id")).toHexString());
                            respond(ctx, keepAlive, 200, out);
                        });
            } else if (req.method() == HttpMethod.POST && req.uri().equals("/new")) {
                Map<String, Object> body = JSON.readValue(
                        req.content().toString(java.nio.charset.StandardCharsets.UTF_8), new TypeReference<>() {});
                collect(
                        contacts.insertOne(new Document(body)),
                        1,
                        r -> respond(
                                ctx,
                                keepAlive,
                                200,
                                Map.of(
                                        "inserted_id",
                                        r.getInsertedId()
                                                .asObjectId()
                                                .getValue()
                                                .toHexString())),
                        e -> respond(ctx, keepAlive, 500, e.toString()));
            } else {
                respond(ctx, keepAlive, 404, Map.of("message", "not found"));
            }
        }
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, int status, Object body) {
        FullHttpResponse r = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(JSON.writeValueAsBytes(body)));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        if (keepAlive) ctx.writeAndFlush(r);
        else ctx.writeAndFlush(r).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }

    private static <T> void collect(
            org.reactivestreams.Publisher<T> p,
            int n,
            java.util.function.Consumer<T> each,
            java.util.function.Consumer<Throwable> failed) {
        collect(p, n, each, failed, () -> {});
    }

    private static <T> void collect(
            org.reactivestreams.Publisher<T> p,
            int n,
            java.util.function.Consumer<T> each,
            java.util.function.Consumer<Throwable> failed,
            Runnable done) {
        p.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(n);
            }

            @Override
            public void onNext(T t) {
                each.accept(t);
            }

            @Override
            public void onError(Throwable t) {
                failed.accept(t);
            }

            @Override
            public void onComplete() {
                done.run();
            }
        });
    }
}
