/** Tulip's test client: a real server on port 0 with an HTTP client, or requests without sockets. */
module dev.tulip.test {
    requires transitive dev.tulip;
    requires java.net.http;
    requires static org.junit.jupiter.api; // TulipAppsExtension only

    exports dev.tulip.test;
}
