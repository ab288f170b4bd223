/** MongoDB for Tulip apps: the official reactive-streams driver, documents as Jackson trees and records. */
module dev.tulip.mongo {
    // ---- API: the facade, handles, filters, results and failures
    exports dev.tulip.mongo;

    requires transitive dev.tulip;
    requires transitive org.mongodb.bson; // Bson, Document: the driver's builders work with the API
    requires transitive org.mongodb.driver.core; // Updates, Sorts, Indexes, WriteModel
    requires transitive org.reactivestreams;

    // ---- internal: dev.tulip.mongo.internal is exported to no one
    requires org.mongodb.driver.reactivestreams;
    requires io.netty.handler;
    requires org.slf4j;

    opens dev.tulip.mongo.internal to
            tools.jackson.databind;
}
