package dev.tulip.mongo.internal;

import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** A publisher whose items go through a function (the one operator Tulip needs, without a reactive library). */
public record Mapped<A, B>(Publisher<A> source, Function<? super A, ? extends B> f) implements Publisher<B> {
    @Override
    public void subscribe(Subscriber<? super B> downstream) {
        source.subscribe(new Subscriber<A>() {
            @Override
            public void onSubscribe(Subscription s) {
                downstream.onSubscribe(s);
            }

            @Override
            public void onNext(A item) {
                downstream.onNext(f.apply(item));
            }

            @Override
            public void onError(Throwable t) {
                downstream.onError(t);
            }

            @Override
            public void onComplete() {
                downstream.onComplete();
            }
        });
    }
}
