/**
 * Tulip: an asynchronous web framework on Netty event loops with handlers on virtual threads.
 */
module dev.tulip {
    // ---- API: what apps use
    exports dev.tulip;
    exports dev.tulip.async;
    exports dev.tulip.web;
    exports dev.tulip.ws;

    requires transitive tools.jackson.core;
    requires transitive tools.jackson.databind;

    // ---- SPI: what integrations use; it shares event loops and connections, so Netty is visible there
    exports dev.tulip.spi;

    requires transitive io.netty.common;
    requires transitive io.netty.buffer;
    requires transitive io.netty.transport;

    // ---- internal: dev.tulip.internal and dev.tulip.internal.http are exported to no one
    requires org.slf4j;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.classes.io_uring;
    requires io.netty.transport.unix.common; // the listener's descriptor, for SynGate
    requires jdk.unsupported;
    requires jdk.jfr; // the watchdog streams jdk.VirtualThreadPinned

    opens dev.tulip.internal to
            tools.jackson.databind;
}
