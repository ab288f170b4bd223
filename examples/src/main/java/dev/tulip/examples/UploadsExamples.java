package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Tulip;
import dev.tulip.web.FormFile;
import dev.tulip.web.Multipart;
import dev.tulip.web.MultipartForm;
import dev.tulip.web.Part;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** The uploads page of the guide: streamed request bodies and multipart forms. */
public final class UploadsExamples {
    private UploadsExamples() {}

    /** Routes that take their bodies as they arrive; uploads are kept under {@code dir}. */
    public static Tulip uploads(Consumer<Config.Builder> config, Path dir) {
        var app = Tulip.create(config);
        // tag::stream-body[]
        app.put("/blobs/{name}", req -> {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    long size = 0;
                    try (InputStream in = req.bodyStream()) { // reads block until the client's bytes come
                        byte[] buf = new byte[64 * 1024];
                        for (int n; (n = in.read(buf)) > 0; size += n) sha.update(buf, 0, n);
                    }
                    return Map.of("size", size, "sha256", HexFormat.of().formatHex(sha.digest()));
                })
                .streamBody()
                .maxBodySize(4L << 30); // 4 GiB: a streamed body is never held in memory
        // end::stream-body[]

        // tag::body-publisher[]
        app.post("/count", Handler.nonBlocking(req -> {
                    var size = new CompletableFuture<Long>();
                    req.bodyPublisher().subscribe(new Flow.Subscriber<ByteBuffer>() {
                        long bytes;
                        Flow.Subscription subscription;

                        public void onSubscribe(Flow.Subscription s) {
                            subscription = s;
                            s.request(1); // one chunk at a time: the socket is read no faster
                        }

                        public void onNext(ByteBuffer chunk) {
                            bytes += chunk.remaining();
                            subscription.request(1);
                        }

                        public void onError(Throwable t) {
                            size.completeExceptionally(t);
                        }

                        public void onComplete() {
                            size.complete(bytes);
                        }
                    });
                    return size;
                }))
                .streamBody();
        // end::body-publisher[]

        // tag::multipart-form[]
        Multipart multipart = Multipart.create(m -> m.maxFileSize(20L << 20) // 20 MiB per file
                .maxParts(10));
        app.post("/avatars", req -> {
                    try (MultipartForm form = multipart.read(req)) { // closing deletes temporary files
                        String user = form.fieldRequired("user");
                        FormFile image = form.fileRequired("image");
                        if (!image.contentType().startsWith("image/"))
                            throw new HttpException(415, "the avatar must be an image");
                        Path kept = image.transferTo(dir.resolve(user + "-" + image.filename()));
                        return Map.of("saved", kept.getFileName().toString(), "bytes", image.size());
                    }
                })
                .streamBody()
                .maxBodySize(25L << 20);
        // end::multipart-form[]

        // tag::multipart-parts[]
        app.post("/archive", req -> {
                    var parts = Multipart.defaults().parts(req);
                    List<String> stored = new ArrayList<>();
                    for (Optional<Part> next = parts.next(); next.isPresent(); next = parts.next()) {
                        Part part = next.get();
                        if (!part.isFile()) continue;
                        try (InputStream in = part.body()) { // straight from the socket to the disk
                            Files.copy(in, dir.resolve(part.filename().orElseThrow()));
                        }
                        stored.add(part.filename().orElseThrow());
                    }
                    return stored;
                })
                .streamBody()
                .maxBodySize(1L << 30);
        // end::multipart-parts[]
        return app;
    }
}
