package dev.tulip.mongo.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-compatible server in this process (mongo-java-server), for demos and tests: in memory,
 * or on disk in one H2 MVStore file. Install it before the {@code Mongo} that uses it, so it starts
 * first and stops last, and give that Mongo its URI when it opens:
 * {@code Mongo.create(cfg -> cfg.uri(embedded::uri))}. It can also be started and closed by hand
 * ({@link #start()}, {@link #close()}).
 *
 * <p>On disk, an acknowledged write is in the store's memory and reaches the file within the
 * commit delay ({@link #onDisk(Path, Duration)}); a graceful stop commits everything. A
 * {@code kill -9} loses the writes of the last commit delay, no more. mongo-java-server speaks
 * enough of the wire protocol for CRUD, indexes, aggregation and (with the oplog on, as here)
 * change streams, but not transactions, {@code $text} or {@code $geoNear}; see the guide.
 */
public final class EmbeddedMongo implements Integration, AutoCloseable {
    /** The commit delay of {@link #onDisk(Path)}. */
    public static final Duration DEFAULT_COMMIT_DELAY = Duration.ofMillis(100);

    private final InstallOnce once = new InstallOnce("EmbeddedMongo");
    private final Optional<Path> file;
    private final Duration commitDelay;
    private MongoServer server;
    private InetSocketAddress address;

    private EmbeddedMongo(Optional<Path> file, Duration commitDelay) {
        this.file = file;
        this.commitDelay = commitDelay;
    }

    /** A server whose data lives in memory and goes with it. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(Optional.empty(), Duration.ZERO);
    }

    /** A server whose data lives in {@code dir/mongo.mv.db}, committed every 100 ms. */
    public static EmbeddedMongo onDisk(Path dir) {
        return onDisk(dir, DEFAULT_COMMIT_DELAY);
    }

    /** A server whose data lives in {@code dir/mongo.mv.db}, committed every {@code commitDelay}. */
    public static EmbeddedMongo onDisk(Path dir, Duration commitDelay) {
        if (commitDelay.isNegative() || commitDelay.isZero())
            throw new IllegalArgumentException("commitDelay must be positive, got " + commitDelay);
        return new EmbeddedMongo(Optional.of(dir.resolve("mongo.mv.db")), commitDelay);
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        setup.resource("embedded mongo", ctx -> start(), EmbeddedMongo::close);
    }

    /** Starts the server on a free port of 127.0.0.1; returns this. */
    public synchronized EmbeddedMongo start() {
        if (server != null) throw new IllegalStateException("the embedded server is started already");
        MongoServer s = new MongoServer(backend());
        s.enableOplog(); // change streams
        address = s.bind();
        server = s;
        return this;
    }

    /** The connection string, once started ({@code mongodb://127.0.0.1:port}). */
    public synchronized String uri() {
        if (address == null)
            throw new IllegalStateException("the embedded server is not started; start it (or the app) first");
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** The data file, when on disk. */
    public Optional<Path> file() {
        return file;
    }

    /** Stops accepting, closes connections and the store (committing it). */
    @Override
    public synchronized void close() {
        if (server == null) return;
        MongoServer s = server;
        server = null;
        s.shutdown();
    }

    private MongoBackend backend() {
        if (file.isEmpty()) return new MemoryBackend();
        Path f = file.get();
        try {
            Files.createDirectories(f.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the data directory " + f.getParent() + ": " + e.getMessage(), e);
        }
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(f.toString()).open();
        } catch (org.h2.mvstore.MVStoreException e) {
            if (String.valueOf(e.getMessage()).contains("locked")) {
                throw new IllegalStateException(
                        "the MongoDB data file " + f + " is in use by another running server (is the demo running"
                                + " already, e.g. a second ./run.sh?); stop that one, or set MONGODB_URI to use"
                                + " another MongoDB",
                        e);
            }
            throw e;
        }
        store.setAutoCommitDelay((int) commitDelay.toMillis());
        return new H2Backend(store);
    }
}
