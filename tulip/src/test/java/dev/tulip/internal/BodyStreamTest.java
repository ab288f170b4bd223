package dev.tulip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.HttpException;
import dev.tulip.RequestBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BodyStreamTest {

    /** A feed that runs tasks at once and counts what the stream asked of it. */
    private static final class CountingFeed implements BodyStream.Feed {
        final AtomicInteger resumes = new AtomicInteger();
        final AtomicInteger demands = new AtomicInteger();
        boolean onLoop;

        @Override
        public void resume() {
            resumes.incrementAndGet();
        }

        @Override
        public void firstDemand() {
            demands.incrementAndGet();
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public boolean inLoop() {
            return onLoop;
        }
    }

    /** Records every signal and requests only what the test asks. */
    private static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final List<String> signals = new ArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ByteBuffer item) {
            signals.add(StandardCharsets.UTF_8.decode(item).toString());
        }

        @Override
        public void onError(Throwable t) {
            signals.add("error: " + t.getMessage());
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theStreamReadsChunksInOrderThenEnds() throws IOException {
        var s = new BodyStream(new CountingFeed());
        s.offer(bytes("hel"));
        s.offer(bytes("lo"));
        s.end();

        assertThat(new String(s.inputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("hello");
    }

    @Test
    void offerSaysFullAtTheHighWaterMarkAndReadingUnderTheLowOneResumesOnce() throws IOException {
        var feed = new CountingFeed();
        var s = new BodyStream(feed);
        assertThat(s.offer(new byte[BodyStream.HIGH_WATER - 1])).isTrue();
        assertThat(s.offer(new byte[1])).as("at the mark: stop reading").isFalse();
        InputStream in = s.inputStream();

        in.readNBytes(BodyStream.HIGH_WATER - BodyStream.LOW_WATER);
        assertThat(feed.resumes).as("still at the low-water mark").hasValue(0);
        in.readNBytes(1);
        in.readNBytes(100);
        assertThat(feed.resumes).hasValue(1);
    }

    @Test
    void theFirstReadAsksForTheBodyOnce() throws IOException {
        var feed = new CountingFeed();
        var s = new BodyStream(feed);
        s.offer(bytes("ab"));
        InputStream in = s.inputStream();
        in.read();
        in.read();

        assertThat(feed.demands).hasValue(1);
    }

    @Test
    void aFailureIsThrownOnceTheBufferedBytesAreRead() throws IOException {
        var s = new BodyStream(new CountingFeed());
        s.offer(bytes("ok"));
        s.fail(new RequestBodyException(413, "too big"));
        InputStream in = s.inputStream();

        assertThat(in.readNBytes(2)).isEqualTo(bytes("ok"));
        assertThatThrownBy(in::read).isInstanceOf(RequestBodyException.class).hasMessage("too big");
    }

    @Test
    void readAllTurnsABodyFailureIntoItsHttpStatus() {
        var s = new BodyStream(new CountingFeed());
        s.fail(new RequestBodyException(408, "stalled"));

        assertThatThrownBy(s::readAll)
                .isInstanceOf(HttpException.class)
                .extracting(e -> ((HttpException) e).status())
                .isEqualTo(408);
    }

    @Test
    void readAllOnTheLoopIsRefusedWhileBytesAreStillToCome() {
        var feed = new CountingFeed();
        feed.onLoop = true;
        var s = new BodyStream(feed);

        assertThatThrownBy(s::readAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bodyPublisher()");
    }

    @Test
    void aStreamTakenAsAnInputStreamCannotAlsoBeSubscribed() {
        var s = new BodyStream(new CountingFeed());
        s.inputStream();

        assertThatThrownBy(s::publisher).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePublisherSendsOnlyWhatWasRequested() {
        var s = new BodyStream(new CountingFeed());
        var r = new Recorder();
        s.publisher().subscribe(r);
        s.offer(bytes("a"));
        s.offer(bytes("b"));
        s.offer(bytes("c"));
        assertThat(r.signals).isEmpty();

        r.subscription.request(2);
        assertThat(r.signals).containsExactly("a", "b");
        s.end();
        assertThat(r.signals).as("the end waits behind the unrequested chunk").containsExactly("a", "b");
        r.subscription.request(1);
        assertThat(r.signals).containsExactly("a", "b", "c", "complete");
    }

    @Test
    void thePublisherSignalsAFailure() {
        var s = new BodyStream(new CountingFeed());
        var r = new Recorder();
        s.publisher().subscribe(r);
        r.subscription.request(5);
        s.fail(new RequestBodyException(400, "bad chunk"));

        assertThat(r.signals).containsExactly("error: bad chunk");
    }

    @Test
    void aNonPositiveRequestIsAnError() {
        var s = new BodyStream(new CountingFeed());
        var r = new Recorder();
        s.publisher().subscribe(r);
        r.subscription.request(0);

        assertThat(r.signals).singleElement().asString().startsWith("error: request(0)");
    }

    @Test
    void cancellingDropsTheRestOfTheBody() {
        var s = new BodyStream(new CountingFeed());
        var r = new Recorder();
        s.publisher().subscribe(r);
        s.offer(new byte[BodyStream.HIGH_WATER]);
        r.subscription.cancel();

        assertThat(s.full()).as("dropped, not buffered").isFalse();
        assertThat(s.offer(new byte[10])).isTrue();
        assertThat(r.signals).isEmpty();
    }

    @Test
    void aBodyAlreadyReadIsAPublisherOfOneChunk() {
        var r = new Recorder();
        BodyStream.of(bytes("whole")).publisher().subscribe(r);
        r.subscription.request(Long.MAX_VALUE);

        assertThat(r.signals).containsExactly("whole", "complete");
    }
}
