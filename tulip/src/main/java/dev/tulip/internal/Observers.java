package dev.tulip.internal;

import dev.tulip.spi.RequestEvent;
import dev.tulip.spi.RequestObserver;
import java.util.List;

/** The request observers of one app, told in registration order; one that throws does not stop the others. */
public final class Observers {
    private final RequestObserver[] observers;

    public Observers(List<RequestObserver> observers) {
        this.observers = observers.toArray(new RequestObserver[0]);
    }

    /** Whether anyone listens (so the server can skip building events). */
    public boolean any() {
        return observers.length > 0;
    }

    public void emit(RequestEvent event) {
        for (RequestObserver o : observers) {
            try {
                o.onRequest(event);
            } catch (RuntimeException e) {
                Log.TULIP.error("request observer {} failed", o, e);
            }
        }
    }
}
