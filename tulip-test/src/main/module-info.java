/** Tulip's test clients: a real server on port 0 with an HTTP client, or requests without sockets. */
module dev.tulip.test {
    requires transitive dev.tulip;
    requires java.net.http;

    exports dev.tulip.test;
}
