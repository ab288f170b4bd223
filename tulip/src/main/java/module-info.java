/**
 * Tulip: an asynchronous web framework on Netty event loops with handlers on virtual threads.
 * {@code dev.tulip} is the API; {@code dev.tulip.internal} is open only to Tulip's own test client.
 */
module dev.tulip {
    requires transitive tools.jackson.core;
    requires transitive tools.jackson.databind;
    requires org.slf4j;
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.classes.io_uring;
    requires jdk.unsupported;

    exports dev.tulip;
    exports dev.tulip.internal to
            dev.tulip.test;

    opens dev.tulip.internal to
            tools.jackson.databind;
}
