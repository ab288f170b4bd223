package dev.tulip.bench;

import dev.tulip.Tulip;
import dev.tulip.web.StaticFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The server of {@code bench/static.sh}: a 1 KiB and a 1 MiB file in a fresh directory, served
 * zero-copy at {@code /zc/} and copied through a buffer at {@code /copy/}. {@code PORT} (8091).
 */
public final class StaticBench {
    private StaticBench() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8091"));
        Path dir = Files.createTempDirectory("tulip-static-bench");
        Random random = new Random(1);
        for (var f : new Object[][] {{"1k.bin", 1024}, {"1m.bin", 1024 * 1024}}) {
            byte[] b = new byte[(Integer) f[1]];
            random.nextBytes(b);
            Files.write(dir.resolve((String) f[0]), b);
        }
        Tulip app = Tulip.create(cfg -> cfg.host("127.0.0.1").port(port));
        app.get("/zc/{path:path}", StaticFiles.directory(dir));
        app.get("/copy/{path:path}", StaticFiles.directory(dir, f -> f.zeroCopy(false)));
        app.get("/plain/{path:path}", StaticFiles.directory(dir, f -> f.precompressed(false)));
        app.run(args);
    }
}
