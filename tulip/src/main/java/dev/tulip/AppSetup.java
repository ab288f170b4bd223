package dev.tulip;

import dev.tulip.spi.LoopSupplier;
import dev.tulip.spi.RequestObserver;
import dev.tulip.spi.Runtime;
import dev.tulip.spi.Setup;

/** The {@link Setup} an integration gets from {@link Tulip#install}. */
final class AppSetup implements Setup {
    private final Tulip app;
    private final AppRuntime runtime;

    AppSetup(Tulip app, AppRuntime runtime) {
        this.app = app;
        this.runtime = runtime;
    }

    @Override
    public Tulip app() {
        return app;
    }

    @Override
    public <T> Setup resource(String name, Opener<T> open, Closer<? super T> close) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a resource needs a name");
        app.addResource(new Tulip.Resource<>(name, null, open, close));
        return this;
    }

    @Override
    public Setup observe(RequestObserver observer) {
        app.addObserver(observer);
        return this;
    }

    @Override
    public Setup supplyLoops(LoopSupplier supplier) {
        app.requireNew("supply the event loops");
        runtime.supplier(supplier);
        return this;
    }

    @Override
    public Runtime runtime() {
        return runtime;
    }
}
